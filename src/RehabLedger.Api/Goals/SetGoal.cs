using RehabLedger.Common;
using RehabLedger.Episodes;
using Wolverine.Marten;

namespace RehabLedger.Goals;

/// <param name="MeasureCode">Optional: a score from the outcome measure catalog that measures the goal.</param>
/// <param name="Baseline">For a measured goal; when omitted, the latest value recorded by an assessment on or before <paramref name="EffectiveOn"/>.</param>
/// <param name="ExpectedVersion">The episode version the caller last saw; a stale one is refused with CONFLICT.</param>
public sealed record SetGoal(
    Guid EpisodeId,
    long ExpectedVersion,
    Guid GoalId,
    string Description,
    string? MeasureCode,
    decimal? Baseline,
    decimal? Target,
    DateOnly? TargetDate,
    DateOnly EffectiveOn,
    ActorRef By) : IEpisodeCommand;

public static class SetGoalHandler
{
    [AggregateHandler]
    public static (UpdatedAggregate, Events) Handle(SetGoal command, Episode? episode, TimeProvider clock) =>
        (new UpdatedAggregate(), [Decide(command, episode, clock.Today())]);

    public static GoalSet Decide(SetGoal command, Episode? found, DateOnly today)
    {
        var episode = EpisodeRules.Writable(found, command.EpisodeId, command.ExpectedVersion);
        var goalId = EpisodeRules.NewEntryId(episode, command.GoalId, "id", "goal");
        var description = Validate.Required(command.Description, "description", Validate.LongText);
        EpisodeRules.WithinEpisode(command.EffectiveOn, episode, today, "effectiveOn");
        Validate.That(command.TargetDate is null || command.TargetDate >= command.EffectiveOn, "targetDate",
            $"targetDate {command.TargetDate:yyyy-MM-dd} is before the goal's effective date {command.EffectiveOn:yyyy-MM-dd}.");

        var measured = Measured(command, episode);
        return new GoalSet(episode.Id, goalId, description, measured?.Code, measured?.Baseline, measured?.BaselineAssessmentId,
            command.Target, command.TargetDate, command.EffectiveOn, command.By);
    }

    private sealed record MeasuredGoal(string Code, decimal Baseline, Guid? BaselineAssessmentId);

    private static MeasuredGoal? Measured(SetGoal command, Episode episode)
    {
        if (command.MeasureCode is null)
        {
            Validate.That(command.Baseline is null, "baseline", "A baseline needs a measure: give measureCode as well.");
            Validate.That(command.Target is null, "target", "A target needs a measure: give measureCode as well.");
            return null;
        }

        var measure = GoalRules.ScoreMeasure(command.MeasureCode, "measureCode");
        if (command.Baseline is { } entered) GoalRules.InRange(measure, entered, "baseline");
        var recorded = command.Baseline is null ? GoalProgress.LatestValue(episode.StandingAssessments, measure.Code, command.EffectiveOn) : null;
        Validate.That(command.Baseline is not null || recorded is not null, "baseline",
            $"No assessment on or before {command.EffectiveOn:yyyy-MM-dd} recorded {measure.Code}: enter the baseline.");
        var baseline = command.Baseline ?? recorded!.Value;

        Validate.That(command.Target is not null, "target", $"A goal measured by {measure.Code} needs a target.");
        GoalRules.InRange(measure, command.Target!.Value, "target");
        GoalRules.TowardImprovement(measure, baseline, command.Target.Value, "target");
        return new MeasuredGoal(measure.Code, baseline, recorded?.AssessmentId);
    }
}
