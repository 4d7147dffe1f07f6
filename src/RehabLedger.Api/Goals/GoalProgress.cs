using RehabLedger.Episodes;
using RehabLedger.Outcomes;

namespace RehabLedger.Goals;

/// <summary>A goal with what is derived from it: its status now, and for a measured goal where the measure stands.</summary>
public sealed record GoalEvaluation(
    Goal Goal,
    GoalStatus Status,
    DateOnly StatusSince,
    decimal? Latest,
    bool? Met,
    decimal? AttainmentPercent);

/// <summary>
/// The goal rules of docs/02-event-catalog.md (Goal progress), as pure functions: status is the last one set by effective date
/// (ties in recording order), else active; latest is the last value of the goal's measure by effective date;
/// met when latest is at or beyond the target in the direction of improvement; attainment is
/// (latest - baseline) / (target - baseline) x 100, one decimal, halves away from zero, not capped.
/// Entries entered in error count nowhere.
/// </summary>
public static class GoalProgress
{
    /// <summary>The status set that is in force on <paramref name="asOf"/> (or now), or null when none is.</summary>
    public static GoalStatusEntry? StatusEntry(Goal goal, DateOnly? asOf = null) =>
        // OrderBy is stable, so statuses with the same effective date keep their recording order.
        goal.StatusHistory
            .Where(s => asOf is null || s.EffectiveOn <= asOf)
            .OrderBy(s => s.EffectiveOn)
            .LastOrDefault();

    public static GoalStatus Status(Goal goal, DateOnly? asOf = null) => StatusEntry(goal, asOf)?.Status ?? GoalStatus.Active;

    /// <summary>
    /// The latest value of a measure by effective date (ties in recording order) from the (standing) assessments
    /// given, optionally only those on or before a date; null when no such assessment recorded it.
    /// </summary>
    public static MeasurePoint? LatestValue(IEnumerable<Assessment> assessments, string measureCode, DateOnly? onOrBefore = null)
    {
        var measure = OutcomeMeasureCatalog.Get(measureCode);
        var points = assessments
            .Where(a => onOrBefore is null || a.EffectiveOn <= onOrBefore)
            .SelectMany(a => a.Measures
                .Where(m => string.Equals(m.Code, measure.Code, StringComparison.OrdinalIgnoreCase))
                .Select(m => new MeasurePoint(a.EffectiveOn, m.Value, a.Id)));
        return MeasureTrend.Of(measure.Code, measure, points)?.Series[^1];
    }

    /// <summary>Whether the target lies strictly in the measure's direction of improvement from the baseline.</summary>
    public static bool PointsToImprovement(OutcomeMeasure measure, decimal baseline, decimal target) => measure.Direction switch
    {
        ImprovementDirection.HigherIsBetter => target > baseline,
        ImprovementDirection.LowerIsBetter => target < baseline,
        _ => false,
    };

    /// <summary>Whether a value is at or beyond the target in the measure's direction of improvement.</summary>
    public static bool Met(OutcomeMeasure measure, decimal latest, decimal target) =>
        measure.Direction == ImprovementDirection.LowerIsBetter ? latest <= target : latest >= target;

    /// <summary>
    /// Percent of the way from baseline to target; over 100 beyond the target, negative when worse than the baseline.
    /// Multiplied before dividing so a terminating result stays exact before it is rounded.
    /// </summary>
    public static decimal AttainmentPercent(decimal baseline, decimal target, decimal latest) =>
        Math.Round((latest - baseline) * 100m / (target - baseline), 1, MidpointRounding.AwayFromZero);

    public static GoalEvaluation Evaluate(Goal goal, IEnumerable<Assessment> assessments)
    {
        var entry = StatusEntry(goal);
        var currentStatus = entry?.Status ?? GoalStatus.Active;
        var since = entry?.EffectiveOn ?? goal.EffectiveOn;
        if (goal is not { MeasureCode: { } code, Baseline: { } baseline, Target: { } target })
            return new GoalEvaluation(goal, currentStatus, since, null, null, null);

        var latest = LatestValue(assessments, code);
        if (latest is null) return new GoalEvaluation(goal, currentStatus, since, null, null, null);

        var measure = OutcomeMeasureCatalog.Get(code);
        return new GoalEvaluation(goal, currentStatus, since, latest.Value,
            Met(measure, latest.Value, target), AttainmentPercent(baseline, target, latest.Value));
    }

    /// <summary>The goals a reader sees (the standing ones it is given), by effective date, ties in recording order.</summary>
    public static IReadOnlyList<GoalEvaluation> Evaluate(IEnumerable<Goal> goals, IReadOnlyList<Assessment> assessments) =>
        goals.OrderBy(g => g.EffectiveOn).Select(g => Evaluate(g, assessments)).ToList();

    /// <summary>The progress reports a reader sees (the standing ones it is given), by effective date, ties in recording order.</summary>
    public static IReadOnlyList<ProgressReport> Reports(IEnumerable<ProgressReport> reports) =>
        reports.OrderBy(r => r.EffectiveOn).ToList();
}
