using RehabLedger.Goals;

namespace RehabLedger.Episodes;

// The goals part of the episode aggregate: goals with their revisions and statuses, and progress reports.
public sealed partial class Episode
{
    /// <summary>In recording order, including goals later entered in error.</summary>
    public List<Goal> Goals { get; set; } = [];

    /// <summary>In recording order, including reports later entered in error.</summary>
    public List<ProgressReport> ProgressReports { get; set; } = [];

    public Goal? FindGoal(Guid goalId) => Goals.FirstOrDefault(g => g.Id == goalId);

    /// <summary>Marks a goal or progress report entered in error; false when the id is neither.</summary>
    internal bool MarkGoalsEnteredInError(Guid entryId)
    {
        if (FindGoal(entryId) is { } goal)
        {
            goal.EnteredInError = true;
            return true;
        }
        if (ProgressReports.FirstOrDefault(r => r.Id == entryId) is { } report)
        {
            report.EnteredInError = true;
            return true;
        }
        return false;
    }

    public void Apply(GoalSet e) => Goals.Add(Goal.From(e));

    public void Apply(GoalRevised e) => Goals.Single(g => g.Id == e.GoalId).Apply(e);

    public void Apply(GoalStatusSet e) => Goals.Single(g => g.Id == e.GoalId).Apply(e);

    public void Apply(ProgressReportIssued e) => ProgressReports.Add(ProgressReport.From(e));
}
