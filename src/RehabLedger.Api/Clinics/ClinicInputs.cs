using System.ComponentModel;
using RehabLedger.Common;
using RehabLedger.GraphQL;

namespace RehabLedger.Clinics;

[Description("A clinic to register.")]
public sealed record RegisterClinicInput(
    [property: Description(Describe.ClientId + "registering twice.")] Guid? Id,
    [property: Description("The clinic's name.")] string Name)
{
    public RegisterClinic ToCommand(ActorRef by) => new(RequestContext.NewId(Id), Name, by);
}

[Description("A therapist to register with a clinic.")]
public sealed record RegisterTherapistInput(
    [property: Description(Describe.ClientId + "registering twice.")] Guid? Id,
    [property: Description("A clinic you administer.")] Guid ClinicId,
    [property: Description("The therapist's name as records show it.")] string DisplayName,
    [property: Description("For example PT (physical therapist) or PTA (physical therapist assistant).")] string Profession,
    [property: Description("The therapist's licence number, when known.")] string? LicenseNumber)
{
    public RegisterTherapist ToCommand(ActorRef by) => new(RequestContext.NewId(Id), ClinicId, DisplayName, Profession, LicenseNumber, by);
}
