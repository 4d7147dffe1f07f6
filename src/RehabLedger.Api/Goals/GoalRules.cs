using RehabLedger.Common;
using RehabLedger.Corrections;
using RehabLedger.Episodes;
using RehabLedger.Outcomes;

namespace RehabLedger.Goals;

/// <summary>Rules shared by the goal commands.</summary>
public static class GoalRules
{
    /// <summary>A goal is measured by a score: ROM and MMT are per site and have no single value to aim at.</summary>
    public static OutcomeMeasure ScoreMeasure(string code, string field)
    {
        var measure = OutcomeMeasureCatalog.Find(Validate.Required(code, field, 20));
        Validate.That(measure is { Kind: MeasureKind.Score }, field,
            measure is null
                ? $"'{code}' is not a known outcome measure; see the outcomeMeasures query."
                : $"{measure.Code} is recorded per site and cannot measure a goal; choose a score such as LEFS or NPRS.");
        return measure!;
    }

    public static void InRange(OutcomeMeasure measure, decimal value, string field) =>
        Validate.That(measure.Accepts(value), field, $"{value} is outside the range of {measure.Code} ({measure.RangeText}).");

    public static void TowardImprovement(OutcomeMeasure measure, decimal baseline, decimal target, string field) =>
        Validate.That(GoalProgress.PointsToImprovement(measure, baseline, target), field,
            measure.Direction == ImprovementDirection.LowerIsBetter
                ? $"Lower {measure.Code} is better: the target must be below the baseline {baseline}, not {target}."
                : $"Higher {measure.Code} is better: the target must be above the baseline {baseline}, not {target}.");

    /// <summary>A goal of the episode that still counts: known (else NOT_FOUND) and not entered in error.</summary>
    public static Goal Live(Episode episode, Guid goalId, string field, string refusal)
    {
        var goal = episode.FindGoal(goalId) ?? throw ClinicalRuleViolation.NotFound("goal on this episode", goalId, field);
        Validate.That(!episode.EnteredInError.Contains(EntryKind.Goal, goal.Id), field, $"Goal {goalId} was entered in error; it {refusal}.");
        return goal;
    }

    /// <summary>A status as the GraphQL schema spells it, for messages a client reads.</summary>
    public static string Spelled(GoalStatus status) => status switch
    {
        GoalStatus.PartlyAchieved => "PARTLY_ACHIEVED",
        _ => status.ToString().ToUpperInvariant(),
    };

    /// <summary>Nothing happens to a goal before it was set.</summary>
    public static void NotBeforeGoal(DateOnly date, Goal goal, string field) =>
        Validate.That(date >= goal.EffectiveOn, field,
            $"{field} {date:yyyy-MM-dd} is before the goal was set on {goal.EffectiveOn:yyyy-MM-dd}.");
}
