using System.Globalization;
using RehabLedger.Common;
using RehabLedger.Episodes;
using RehabLedger.Outcomes;
using Wolverine.Marten;

namespace RehabLedger.Goals;

/// <param name="Description">The new description, or null to keep it.</param>
/// <param name="Target">The new target, or null to keep it; only a measured goal has one.</param>
/// <param name="TargetDate">The new target date, or null to keep it.</param>
/// <param name="ExpectedVersion">The episode version the caller last saw; a stale one is refused with CONFLICT.</param>
public sealed record ReviseGoal(
    Guid EpisodeId,
    long ExpectedVersion,
    Guid GoalId,
    string? Description,
    decimal? Target,
    DateOnly? TargetDate,
    string Reason,
    DateOnly EffectiveOn,
    ActorRef By) : IEpisodeCommand;

public static class ReviseGoalHandler
{
    [AggregateHandler]
    public static (UpdatedAggregate, Events) Handle(ReviseGoal command, Episode? episode, TimeProvider clock) =>
        (new UpdatedAggregate(), [Decide(command, episode, clock.Today())]);

    public static GoalRevised Decide(ReviseGoal command, Episode? found, DateOnly today)
    {
        var episode = EpisodeRules.Writable(found, command.EpisodeId, command.ExpectedVersion);
        var goal = GoalRules.Live(episode, command.GoalId, "goalId", "cannot be revised");
        Validate.That(GoalProgress.Status(goal) != GoalStatus.Discontinued, "goalId",
            $"Goal {goal.Id} is discontinued; reopen it (status ACTIVE) before revising it.");
        var reason = Validate.Required(command.Reason, "reason", Validate.LongText);
        EffectiveDate(command.EffectiveOn, goal, episode, today);

        var description = command.Description is null
            ? goal.Description
            : Validate.Required(command.Description, "description", Validate.LongText);
        var target = command.Target ?? goal.Target;
        if (command.Target is { } newTarget) ValidTarget(goal, newTarget);
        var targetDate = command.TargetDate ?? goal.TargetDate;
        if (command.TargetDate is { } newDate) GoalRules.NotBeforeGoal(newDate, goal, "targetDate");

        var changes = new List<GoalChange>();
        if (description != goal.Description) changes.Add(new("description", goal.Description, description));
        if (target != goal.Target) changes.Add(new("target", Text(goal.Target), Text(target)));
        if (targetDate != goal.TargetDate) changes.Add(new("targetDate", Text(goal.TargetDate), Text(targetDate)));
        Validate.That(changes.Count > 0, FieldPath.Command,
            "A revision must change the description, the target or the target date; every value given equals the goal's current one.");

        return new GoalRevised(episode.Id, goal.Id, description, target, targetDate, changes, reason, command.EffectiveOn, command.By);
    }

    /// <summary>
    /// Revisions take effect in the order they are recorded, so each one's "from" is what the goal said just
    /// before it: a revision cannot be dated before the goal or before its previous revision.
    /// </summary>
    private static void EffectiveDate(DateOnly date, Goal goal, Episode episode, DateOnly today)
    {
        EpisodeRules.WithinEpisode(date, episode, today, "effectiveOn");
        GoalRules.NotBeforeGoal(date, goal, "effectiveOn");
        if (goal.Revisions.LastOrDefault() is { } last)
            Validate.That(date >= last.EffectiveOn, "effectiveOn",
                $"effectiveOn {date:yyyy-MM-dd} is before the goal's last revision on {last.EffectiveOn:yyyy-MM-dd}.");
    }

    private static void ValidTarget(Goal goal, decimal target)
    {
        Validate.That(goal.MeasureCode is not null, "target", "This goal has no measure, so it has no target to revise.");
        var measure = OutcomeMeasureCatalog.Get(goal.MeasureCode!);
        GoalRules.InRange(measure, target, "target");
        GoalRules.TowardImprovement(measure, goal.Baseline!.Value, target, "target");
    }

    private static string? Text(decimal? value) => value?.ToString(CultureInfo.InvariantCulture);

    private static string? Text(DateOnly? value) => value?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
