using RehabLedger.Tests.Support;
using RehabLedger.Corrections;
using RehabLedger.Goals;
using static RehabLedger.Tests.Goals.GoalTestData;

namespace RehabLedger.Tests.Goals;

public sealed class EnteredInErrorTests
{
    [Fact]
    public void a_goal_or_a_progress_report_is_marked_by_its_id()
    {
        var e = Episode();
        var goal = e.Goal();
        var reportId = Guid.NewGuid();
        e.Apply(new ProgressReportIssued(e.Id, reportId, [new(goal.Id, "Improving")], null, Today, Clinician));

        e.Correct(EntryKind.Goal, goal.Id).ShouldBeTrue();
        e.Correct(EntryKind.ProgressReport, reportId).ShouldBeTrue();

        e.EnteredInError.Contains(EntryKind.Goal, goal.Id).ShouldBeTrue();
        e.EnteredInError.Contains(EntryKind.ProgressReport, reportId).ShouldBeTrue();
        GoalProgress.Evaluate(e.StandingGoals, e.StandingAssessments.ToList()).ShouldBeEmpty();
        GoalProgress.Reports(e.StandingProgressReports).ShouldBeEmpty();
    }

    [Fact]
    public void an_id_that_is_not_a_goal_or_report_is_left_alone()
    {
        var e = Episode();
        var goal = e.Goal();
        var assessment = e.Assess(Today.AddDays(-3), "LEFS", 40);

        e.Correct(EntryKind.Goal, assessment).ShouldBeFalse();
        e.Correct(EntryKind.Goal, Guid.NewGuid()).ShouldBeFalse();
        e.EnteredInError.Contains(EntryKind.Goal, goal.Id).ShouldBeFalse();
    }

    [Fact]
    public void an_assessment_is_marked_by_its_id()
    {
        var e = Episode();
        var goal = e.Goal();
        var assessment = e.Assess(Today.AddDays(-3), "LEFS", 40);

        e.Correct(EntryKind.Assessment, goal.Id).ShouldBeFalse();
        e.Correct(EntryKind.Assessment, assessment).ShouldBeTrue();
        e.StandingAssessments.ShouldBeEmpty();
    }

    [Fact]
    public void reports_are_read_by_effective_date()
    {
        var e = Episode();
        var goal = e.Goal(on: Today.AddDays(-30));
        e.Apply(new ProgressReportIssued(e.Id, Guid.NewGuid(), [new(goal.Id, "Second")], null, Today.AddDays(-2), Clinician));
        e.Apply(new ProgressReportIssued(e.Id, Guid.NewGuid(), [new(goal.Id, "First")], null, Today.AddDays(-12), Clinician));
        GoalProgress.Reports(e.ProgressReports).Select(r => r.GoalSummaries[0].Summary).ShouldBe(["First", "Second"]);
    }
}
