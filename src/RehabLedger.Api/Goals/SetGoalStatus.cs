using RehabLedger.Common;
using RehabLedger.Episodes;
using Wolverine.Marten;

namespace RehabLedger.Goals;

/// <param name="Status">ACHIEVED, PARTLY_ACHIEVED or DISCONTINUED; ACTIVE reopens the goal.</param>
/// <param name="ExpectedVersion">The episode version the caller last saw; a stale one is refused with CONFLICT.</param>
public sealed record SetGoalStatus(
    Guid EpisodeId,
    long ExpectedVersion,
    Guid GoalId,
    GoalStatus Status,
    string? Note,
    DateOnly EffectiveOn,
    ActorRef By) : IEpisodeCommand;

public static class SetGoalStatusHandler
{
    [AggregateHandler]
    public static (UpdatedAggregate, Events) Handle(SetGoalStatus command, Episode? episode, TimeProvider clock) =>
        (new UpdatedAggregate(), [Decide(command, episode, clock.Today())]);

    public static GoalStatusSet Decide(SetGoalStatus command, Episode? found, DateOnly today)
    {
        var episode = EpisodeRules.Writable(found, command.EpisodeId, command.ExpectedVersion);
        var goal = GoalRules.Live(episode, command.GoalId, "goalId", "has no status to set");
        Validate.That(Enum.IsDefined(command.Status), "status", "status is not a known goal status.");
        EpisodeRules.WithinEpisode(command.EffectiveOn, episode, today, "effectiveOn");
        GoalRules.NotBeforeGoal(command.EffectiveOn, goal, "effectiveOn");
        var note = Validate.Optional(command.Note, "note", Validate.LongText);
        // A status equal to the one already in force on that date would change nothing.
        var inForce = GoalProgress.Status(goal, command.EffectiveOn);
        Validate.That(inForce != command.Status, "status",
            $"Goal {goal.Id} is already {GoalRules.Spelled(inForce)} on {command.EffectiveOn:yyyy-MM-dd}.");
        return new GoalStatusSet(episode.Id, goal.Id, command.Status, note, command.EffectiveOn, command.By);
    }
}
