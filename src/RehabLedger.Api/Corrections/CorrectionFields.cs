using GraphQL;
using GraphQL.Types;
using RehabLedger.Episodes;
using RehabLedger.GraphQL;
using RehabLedger.Security;
using RehabLedger.GraphQL.Cost;

namespace RehabLedger.Corrections;

public static class CorrectionFields
{
    public static void AddCorrectionMutations(this ObjectGraphType mutation) =>
        mutation.Field<NonNullGraphType<EpisodePayloadType>>("markEnteredInError").Costs(FieldCost.Command)
            .Description("Marks an earlier entry as entered in error. The entry stays in the record; every view leaves it out from then on.")
            .AuthorizeWithPolicy(Policies.WriteClinical)
            .Argument<NonNullGraphType<DerivedInputType<MarkEnteredInErrorInput>>>("input")
            .ResolveAsync(async c =>
            {
                var input = c.GetArgument<MarkEnteredInErrorInput>("input");
                return await c.SendForEpisode(input.ToCommand(c.Actor()));
            });
}
