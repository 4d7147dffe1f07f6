using RehabLedger.Common;

namespace RehabLedger.Goals;

/// <summary>
/// A goal as the episode keeps it: its current description, target and target date (after revisions), every
/// revision and every status set, in recording order. Its status is derived (see <see cref="GoalProgress"/>),
/// because a back-dated status can land before one recorded earlier.
/// </summary>
public sealed class Goal
{
    public Guid Id { get; set; }
    public string Description { get; set; } = "";
    public string? MeasureCode { get; set; }
    public decimal? Baseline { get; set; }
    public Guid? BaselineAssessmentId { get; set; }
    public decimal? Target { get; set; }
    public DateOnly? TargetDate { get; set; }
    public DateOnly EffectiveOn { get; set; }
    public ActorRef By { get; set; } = ActorRef.Unauthenticated;
    public List<GoalRevision> Revisions { get; set; } = [];
    public List<GoalStatusEntry> StatusHistory { get; set; } = [];

    /// <summary>Applies a revision: the new values and the record of what changed and why.</summary>
    public void Apply(GoalRevised e)
    {
        Description = e.Description;
        Target = e.Target;
        TargetDate = e.TargetDate;
        Revisions.Add(new GoalRevision(e.EffectiveOn, e.Reason, e.Changes, e.By));
    }

    public void Apply(GoalStatusSet e) => StatusHistory.Add(new GoalStatusEntry(e.Status, e.Note, e.EffectiveOn, e.By));

    public static Goal From(GoalSet e) => new()
    {
        Id = e.GoalId,
        Description = e.Description,
        MeasureCode = e.MeasureCode,
        Baseline = e.Baseline,
        BaselineAssessmentId = e.BaselineAssessmentId,
        Target = e.Target,
        TargetDate = e.TargetDate,
        EffectiveOn = e.EffectiveOn,
        By = e.By,
    };
}

/// <summary>One revision of a goal: what changed, why, when it took effect and who made it.</summary>
public sealed record GoalRevision(DateOnly EffectiveOn, string Reason, IReadOnlyList<GoalChange> Changes, ActorRef By);

/// <summary>One status set on a goal, effective from its date.</summary>
public sealed record GoalStatusEntry(GoalStatus Status, string? Note, DateOnly EffectiveOn, ActorRef By);

/// <summary>A progress report as the episode keeps it.</summary>
public sealed class ProgressReport
{
    public Guid Id { get; set; }
    public DateOnly EffectiveOn { get; set; }
    public List<GoalSummary> GoalSummaries { get; set; } = [];
    public string? Plan { get; set; }
    public ActorRef By { get; set; } = ActorRef.Unauthenticated;

    public static ProgressReport From(ProgressReportIssued e) => new()
    {
        Id = e.ReportId,
        EffectiveOn = e.EffectiveOn,
        GoalSummaries = [.. e.GoalSummaries],
        Plan = e.Plan,
        By = e.By,
    };
}
