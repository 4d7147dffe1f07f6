using System.ComponentModel;
using RehabLedger.Common;
using RehabLedger.GraphQL;

namespace RehabLedger.Goals;

// The API's own records: derived into input types (GraphQL/DerivedTypes.cs), kept apart from the stored GoalSummary.

[Description("A functional goal to set.")]
public sealed record SetGoalInput(
    [property: Description(Describe.Episode)] Guid EpisodeId,
    [property: Description(Describe.ExpectedEpisodeVersion)] long ExpectedVersion,
    [property: Description(Describe.ClientId + "setting the goal twice.")] Guid? Id,
    [property: Description("The functional goal, for example: climb one flight of stairs without a rail.")] string Description,
    [property: Description("Optional: a score from the outcomeMeasures query that measures the goal.")] string? MeasureCode,
    [property: Description("Defaults to the latest value of the measure recorded by an assessment on or before effectiveOn.")] decimal? Baseline,
    [property: Description("Required with a measure; strictly in the measure's direction of improvement from the baseline.")] decimal? Target,
    [property: Description("On or after effectiveOn.")] DateOnly? TargetDate,
    [property: Description("When the goal was set: within the episode, not in the future.")] DateOnly EffectiveOn)
{
    public SetGoal ToCommand(ActorRef by) => new(EpisodeId, ExpectedVersion, RequestContext.NewId(Id), Description, MeasureCode, Baseline,
        Target, TargetDate, EffectiveOn, by);
}

[Description("A change of a goal's description, target or target date.")]
public sealed record ReviseGoalInput(
    [property: Description(Describe.Episode)] Guid EpisodeId,
    [property: Description(Describe.ExpectedEpisodeVersion)] long ExpectedVersion,
    [property: Description("The goal to revise.")] Guid GoalId,
    [property: Description("The new description; omit to keep it.")] string? Description,
    [property: Description("The new target; omit to keep it. Still strictly toward improvement from the baseline.")] decimal? Target,
    [property: Description("The new target date; omit to keep it.")] DateOnly? TargetDate,
    [property: Description("Why the goal changes.")] string Reason,
    [property: Description("Not before the goal was set or before its last revision.")] DateOnly EffectiveOn)
{
    public ReviseGoal ToCommand(ActorRef by) => new(EpisodeId, ExpectedVersion, GoalId, Description, Target, TargetDate, Reason, EffectiveOn, by);
}

[Description("A goal's new status.")]
public sealed record SetGoalStatusInput(
    [property: Description(Describe.Episode)] Guid EpisodeId,
    [property: Description(Describe.ExpectedEpisodeVersion)] long ExpectedVersion,
    [property: Description("The goal.")] Guid GoalId,
    [property: Description("ACTIVE reopens the goal.")] GoalStatus Status,
    [property: Description("Why the status changes.")] string? Note,
    [property: Description("From when the status holds; may be back-dated, not before the goal was set.")] DateOnly EffectiveOn)
{
    public SetGoalStatus ToCommand(ActorRef by) => new(EpisodeId, ExpectedVersion, GoalId, Status, Note, EffectiveOn, by);
}

[Description("Progress toward one goal, in a progress report.")]
public sealed record GoalSummaryInput(
    [property: Description("The goal.")] Guid GoalId,
    [property: Description("The progress made toward it.")] string Summary)
{
    public GoalSummary ToValue() => new(GoalId, Summary);
}

[Description("A progress report to issue.")]
public sealed record IssueProgressReportInput(
    [property: Description(Describe.Episode)] Guid EpisodeId,
    [property: Description(Describe.ExpectedEpisodeVersion)] long ExpectedVersion,
    [property: Description(Describe.ClientId + "issuing twice.")] Guid? Id,
    [property: Description("The report's date: within the episode, not in the future.")] DateOnly EffectiveOn,
    [property: Description("Progress toward each goal; every goal active on effectiveOn needs one.")] IReadOnlyList<GoalSummaryInput> GoalSummaries,
    [property: Description("The plan from here, including changes to goals.")] string? Plan)
{
    public IssueProgressReport ToCommand(ActorRef by) => new(EpisodeId, ExpectedVersion, RequestContext.NewId(Id),
        GoalSummaries.Select(g => g.ToValue()).ToList(), Plan, EffectiveOn, by);
}
