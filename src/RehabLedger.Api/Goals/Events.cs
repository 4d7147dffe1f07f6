using RehabLedger.Common;

namespace RehabLedger.Goals;

// Goal and progress report events live on the episode's stream. Goal ids and report ids are the entry ids a
// later correction names when it marks one entered in error.

public enum GoalStatus
{
    Active,
    Achieved,
    PartlyAchieved,
    Discontinued,
}

/// <summary>
/// A functional goal is set, optionally measured by an outcome measure: from <see cref="Baseline"/> towards
/// <see cref="Target"/>. <see cref="BaselineAssessmentId"/> names the assessment the baseline was taken from
/// when the clinician did not enter one.
/// </summary>
public sealed record GoalSet(
    Guid EpisodeId,
    Guid GoalId,
    string Description,
    string? MeasureCode,
    decimal? Baseline,
    Guid? BaselineAssessmentId,
    decimal? Target,
    DateOnly? TargetDate,
    DateOnly EffectiveOn,
    ActorRef By);

/// <summary>One field of a goal that a revision changed, as text in the GraphQL schema's spelling.</summary>
public sealed record GoalChange(string Field, string? From, string? To);

/// <summary>
/// A goal's description, target or target date changes, always with a reason. Carries the goal's values after
/// the revision and, for audit, each change from old to new.
/// </summary>
public sealed record GoalRevised(
    Guid EpisodeId,
    Guid GoalId,
    string Description,
    decimal? Target,
    DateOnly? TargetDate,
    IReadOnlyList<GoalChange> Changes,
    string Reason,
    DateOnly EffectiveOn,
    ActorRef By);

/// <summary>A goal is marked achieved, partly achieved or discontinued, or reopened (active), from a date on.</summary>
public sealed record GoalStatusSet(
    Guid EpisodeId,
    Guid GoalId,
    GoalStatus Status,
    string? Note,
    DateOnly EffectiveOn,
    ActorRef By);

/// <summary>The clinician's progress toward one goal, as written in a progress report.</summary>
public sealed record GoalSummary(Guid GoalId, string Summary);

/// <summary>
/// A progress report (Medicare: at least every 10 treatment days) with progress toward each goal and the plan.
/// Not an assessment: it records no measures and does not reset the re-assessment clock.
/// </summary>
public sealed record ProgressReportIssued(
    Guid EpisodeId,
    Guid ReportId,
    IReadOnlyList<GoalSummary> GoalSummaries,
    string? Plan,
    DateOnly EffectiveOn,
    ActorRef By);
