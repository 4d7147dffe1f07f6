using System.ComponentModel;
using RehabLedger.Common;
using RehabLedger.GraphQL;

namespace RehabLedger.Corrections;

[Description("An earlier entry to mark as entered in error.")]
public sealed record MarkEnteredInErrorInput(
    [property: Description(Describe.Episode)] Guid EpisodeId,
    [property: Description(Describe.ExpectedEpisodeVersion)] long ExpectedVersion,
    [property: Description("The id of an assessment, goal, progress report, program change, session, home log or certification.")] Guid EntryId,
    [property: Description("Why the entry is in error.")] string Reason)
{
    public MarkEnteredInError ToCommand(ActorRef by) => new(EpisodeId, ExpectedVersion, EntryId, Reason, by);
}
