using System.Text.Json.Serialization;
using RehabLedger.Corrections;
using RehabLedger.Goals;

namespace RehabLedger.Episodes;

// The goals part of the episode aggregate: goals with their revisions and statuses, and progress reports.
public sealed partial class Episode
{
    /// <summary>In recording order, including goals later entered in error.</summary>
    public List<Goal> Goals { get; set; } = [];

    /// <summary>In recording order, including reports later entered in error.</summary>
    public List<ProgressReport> ProgressReports { get; set; } = [];

    /// <summary>The goals that count: those not entered in error, in recording order.</summary>
    [JsonIgnore]
    public IEnumerable<Goal> StandingGoals => EnteredInError.Standing(Goals, EntryKind.Goal, g => g.Id);

    /// <summary>The progress reports that count: those not entered in error, in recording order.</summary>
    [JsonIgnore]
    public IEnumerable<ProgressReport> StandingProgressReports => EnteredInError.Standing(ProgressReports, EntryKind.ProgressReport, r => r.Id);

    public Goal? FindGoal(Guid goalId) => Goals.FirstOrDefault(g => g.Id == goalId);

    public void Apply(GoalSet e) => Goals.Add(Goal.From(e));

    public void Apply(GoalRevised e) => Goals.Single(g => g.Id == e.GoalId).Apply(e);

    public void Apply(GoalStatusSet e) => Goals.Single(g => g.Id == e.GoalId).Apply(e);

    public void Apply(ProgressReportIssued e) => ProgressReports.Add(ProgressReport.From(e));
}
