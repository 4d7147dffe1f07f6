using RehabLedger.Common;
using RehabLedger.Episodes;
using Wolverine.Marten;

namespace RehabLedger.Corrections;

/// <param name="EntryId">The id of the assessment, goal, progress report, program change, session, home log or certification.</param>
public sealed record MarkEnteredInError(Guid EpisodeId, long ExpectedVersion, Guid EntryId, string Reason, ActorRef By) : IEpisodeCommand;

public static class MarkEnteredInErrorHandler
{
    [AggregateHandler]
    public static (UpdatedAggregate, Events) Handle(MarkEnteredInError command, Episode? episode, TimeProvider clock) =>
        (new UpdatedAggregate(), [Decide(command, episode, clock.Today())]);

    public static EntryEnteredInError Decide(MarkEnteredInError command, Episode? found, DateOnly today)
    {
        var episode = EpisodeRules.Writable(found, command.EpisodeId, command.ExpectedVersion);
        var entry = episode.FindEntry(command.EntryId)
            ?? throw ClinicalRuleViolation.NotFound("entry in this episode", command.EntryId, "entryId");
        Validate.That(!entry.EnteredInError, "entryId", $"This {Describe(entry.Kind)} is already marked as entered in error.");
        return new EntryEnteredInError(episode.Id, command.EntryId, entry.Kind,
            Validate.Required(command.Reason, "reason", Validate.LongText), today, command.By);
    }

    private static string Describe(EntryKind kind) => kind switch
    {
        EntryKind.ProgressReport => "progress report",
        EntryKind.ProgramChange => "program change",
        EntryKind.HomeLog => "home exercise log",
        _ => kind.ToString().ToLowerInvariant(),
    };
}
