using RehabLedger.Tests.Support;
using RehabLedger.Corrections;
using RehabLedger.Goals;
using RehabLedger.Outcomes;
using static RehabLedger.Tests.Goals.GoalTestData;

namespace RehabLedger.Tests.Goals;

public sealed class GoalProgressTests
{
    [Theory]
    [InlineData(38, 60, 49, 50.0)]
    [InlineData(38, 60, 66, 127.3)] // beyond the target: not capped
    [InlineData(38, 60, 30, -36.4)] // worse than the baseline: negative
    [InlineData(20, 36, 21, 6.3)] // 6.25: halves away from zero
    [InlineData(20, 36, 19, -6.3)] // -6.25
    [InlineData(7, 2, 4, 60.0)] // lower is better
    [InlineData(7, 2, 9, -40.0)]
    [InlineData(14.2, 13.1, 12.0, 200.0)] // decimal: 14.2 - 13.1 is exactly 1.1
    public void attainment_is_the_share_of_the_way_from_baseline_to_target(decimal baseline, decimal target, decimal latest, decimal percent) =>
        GoalProgress.AttainmentPercent(baseline, target, latest).ShouldBe(percent);

    [Theory]
    [InlineData("LEFS", 60, 60, true)] // at the target
    [InlineData("LEFS", 60, 61, true)]
    [InlineData("LEFS", 60, 59.9, false)]
    [InlineData("NPRS", 2, 2, true)]
    [InlineData("NPRS", 2, 1, true)]
    [InlineData("NPRS", 2, 3, false)]
    public void met_when_latest_is_at_or_beyond_the_target_in_the_direction_of_improvement(string code, decimal target, decimal latest, bool met) =>
        GoalProgress.Met(OutcomeMeasureCatalog.Get(code), latest, target).ShouldBe(met);

    [Fact]
    public void latest_is_the_last_value_by_effective_date_ignoring_assessments_in_error()
    {
        var e = Episode();
        var goal = e.Goal(measure: "LEFS", baseline: 38, target: 60, on: Today.AddDays(-30));
        e.Assess(Today.AddDays(-3), "LEFS", 49);
        e.Assess(Today.AddDays(-10), "LEFS", 44); // back-dated: does not become the latest
        e.Correct(EntryKind.Assessment, e.Assess(Today.AddDays(-1), "LEFS", 75));

        var evaluation = GoalProgress.Evaluate(goal, e.StandingAssessments.ToList());

        evaluation.Latest.ShouldBe(49);
        evaluation.Met.ShouldBe(false);
        evaluation.AttainmentPercent.ShouldBe(50.0m);
    }

    [Fact]
    public void latest_counts_values_recorded_before_the_goal_was_set()
    {
        var e = Episode();
        e.Assess(Today.AddDays(-30), "NPRS", 7);
        var goal = e.Goal(measure: "NPRS", baseline: null, target: 2, on: Today.AddDays(-20));
        var evaluation = GoalProgress.Evaluate(goal, e.StandingAssessments.ToList());
        evaluation.Latest.ShouldBe(7);
        evaluation.AttainmentPercent.ShouldBe(0.0m);
    }

    [Fact]
    public void the_revised_target_is_the_one_evaluated()
    {
        var e = Episode();
        var goal = e.Goal(measure: "LEFS", baseline: 38, target: 60);
        e.Assess(Today.AddDays(-1), "LEFS", 60);
        e.Apply(ReviseGoalHandler.Decide(new ReviseGoal(e.Id, e.Version, goal.Id, null, 71, null, "Doing well", Today, Clinician), e, Today));

        var evaluation = GoalProgress.Evaluate(goal, e.StandingAssessments.ToList());
        evaluation.Met.ShouldBe(false);
        evaluation.AttainmentPercent.ShouldBe(66.7m);
    }

    [Fact]
    public void a_goal_without_a_measure_or_without_a_recorded_value_has_no_latest_met_or_attainment()
    {
        var e = Episode();
        e.Assess(Today.AddDays(-3), "LEFS", 49);
        foreach (var goal in new[] { e.Goal(measure: null, baseline: null, target: null), e.Goal(measure: "ODI", baseline: 40, target: 20) })
        {
            var evaluation = GoalProgress.Evaluate(goal, e.StandingAssessments.ToList());
            evaluation.Latest.ShouldBeNull();
            evaluation.Met.ShouldBeNull();
            evaluation.AttainmentPercent.ShouldBeNull();
        }
    }

    [Fact]
    public void readers_see_goals_by_effective_date_without_those_in_error()
    {
        var e = Episode();
        var later = e.Goal(on: Today.AddDays(-5));
        var wrong = e.Goal(on: Today.AddDays(-20));
        var earlier = e.Goal(on: Today.AddDays(-10));
        e.Correct(EntryKind.Goal, wrong.Id);

        GoalProgress.Evaluate(e.StandingGoals, e.StandingAssessments.ToList()).Select(g => g.Goal.Id).ShouldBe([earlier.Id, later.Id]);
    }
}
