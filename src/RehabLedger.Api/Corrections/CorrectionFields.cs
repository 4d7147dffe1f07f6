using GraphQL;
using GraphQL.Types;
using RehabLedger.Episodes;
using RehabLedger.GraphQL;
using RehabLedger.Security;
using RehabLedger.GraphQL.Cost;

namespace RehabLedger.Corrections;

public sealed class MarkEnteredInErrorInput
{
    public Guid EpisodeId { get; set; }
    public long ExpectedVersion { get; set; }
    public Guid EntryId { get; set; }
    public string Reason { get; set; } = "";
}

public sealed class MarkEnteredInErrorInputType : InputObjectGraphType<MarkEnteredInErrorInput>
{
    public MarkEnteredInErrorInputType()
    {
        Name = "MarkEnteredInErrorInput";
        Field(x => x.EpisodeId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(x => x.ExpectedVersion);
        Field(x => x.EntryId, type: typeof(NonNullGraphType<IdGraphType>))
            .Description("The id of an assessment, goal, progress report, program change, session, home log or certification.");
        Field(x => x.Reason);
    }
}

public static class CorrectionFields
{
    public static void AddCorrectionMutations(this ObjectGraphType mutation) =>
        mutation.Field<NonNullGraphType<EpisodePayloadType>>("markEnteredInError").Costs(FieldCost.Command)
            .Description("Marks an earlier entry as entered in error. The entry stays in the record; every view leaves it out from then on.")
            .AuthorizeWithPolicy(Policies.WriteClinical)
            .Argument<NonNullGraphType<MarkEnteredInErrorInputType>>("input")
            .ResolveAsync(async c =>
            {
                var input = c.GetArgument<MarkEnteredInErrorInput>("input");
                return await c.SendForEpisode(new MarkEnteredInError(input.EpisodeId, input.ExpectedVersion, input.EntryId, input.Reason, c.Actor()));
            });
}
