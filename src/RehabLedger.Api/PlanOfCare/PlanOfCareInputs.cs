using System.ComponentModel;
using RehabLedger.Common;
using RehabLedger.GraphQL;

namespace RehabLedger.PlanOfCare;

// The API's own records: derived into input types (GraphQL/DerivedTypes.cs), kept apart from the stored CertifyingPhysician.

[Description("The physician who certifies a plan of care.")]
public sealed record PhysicianInput(
    [property: Description("The physician's name.")] string Name,
    [property: Description("National Provider Identifier: exactly 10 digits when given.")] string? Npi)
{
    public CertifyingPhysician ToValue() => new(Name, Npi);
}

[Description("A plan-of-care period to certify.")]
public sealed record CertifyPlanOfCareInput(
    [property: Description(Describe.Episode)] Guid EpisodeId,
    [property: Description(Describe.ExpectedEpisodeVersion)] long ExpectedVersion,
    [property: Description(Describe.ClientId + "certifying twice.")] Guid? Id,
    [property: Description("The first day covered: within the episode and not after today.")] DateOnly Start,
    [property: Description("The last day covered, included: at most 89 days after start (90 days counting both ends).")] DateOnly End,
    [property: Description("The certifying physician.")] PhysicianInput Physician,
    [property: Description("A note on the certification.")] string? Note)
{
    public CertifyPlanOfCare ToCommand(ActorRef by) =>
        new(EpisodeId, ExpectedVersion, RequestContext.NewId(Id), Start, End, Physician.ToValue(), Note, by);
}
