using GraphQL;
using GraphQL.Types;
using RehabLedger.Common;
using RehabLedger.Episodes;
using RehabLedger.GraphQL;
using RehabLedger.Security;
using RehabLedger.GraphQL.Cost;

namespace RehabLedger.PlanOfCare;

public static class PlanOfCareFields
{
    public static void AddPlanOfCareMutations(this ObjectGraphType mutation) =>
        mutation.Field<NonNullGraphType<EpisodePayloadType>>("certifyPlanOfCare").Costs(FieldCost.Command)
            .Description("Records a physician's certification of the plan of care for a period of at most 90 days.")
            .AuthorizeWithPolicy(Policies.WriteClinical)
            .Argument<NonNullGraphType<DerivedInputType<CertifyPlanOfCareInput>>>("input")
            .ResolveAsync(async c =>
            {
                var input = c.GetArgument<CertifyPlanOfCareInput>("input");
                return await c.SendForEpisode(input.ToCommand(c.Actor()));
            });

    public static void AddPlanOfCareFields(this EpisodeType type)
    {
        type.Field<NonNullGraphType<ListGraphType<NonNullGraphType<CertificationType>>>>("certifications").Costs(FieldCost.InMemory)
            .Description("Certified plan-of-care periods ordered by start; entries in error are left out.")
            .Resolve(c => c.Source.StandingCertifications.OrderBy(x => x.Start).ToList());
        type.Field<NonNullGraphType<CertificationStatusType>>("certificationStatus")
            .Description("Where the episode stands with its certification today, by the service's clock.")
            .Resolve(c => CertificationStatus.On(c.Source.StandingCertifications,
                c.RequestServices!.GetRequiredService<TimeProvider>().Today()));
    }
}
