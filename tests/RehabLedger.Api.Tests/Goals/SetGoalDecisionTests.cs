using RehabLedger.Tests.Support;
using RehabLedger.Corrections;
using RehabLedger.Common;
using RehabLedger.Episodes;
using RehabLedger.Goals;
using static RehabLedger.Tests.Goals.GoalTestData;

namespace RehabLedger.Tests.Goals;

public sealed class SetGoalDecisionTests
{
    private static GoalSet Decide(Episode e, SetGoal command) => SetGoalHandler.Decide(command, e, Today);

    [Fact]
    public void a_measured_goal_becomes_one_event_in_the_catalogs_spelling()
    {
        var e = Episode();
        var set = Decide(e, SetGoalCommand(e, measure: "lefs", baseline: 38, target: 60, targetDate: Today.AddDays(30)));
        set.MeasureCode.ShouldBe("LEFS");
        set.Baseline.ShouldBe(38);
        set.BaselineAssessmentId.ShouldBeNull();
        set.Target.ShouldBe(60);
        set.TargetDate.ShouldBe(Today.AddDays(30));
        set.By.ShouldBe(Clinician);
    }

    [Fact]
    public void a_goal_without_a_measure_needs_only_a_description()
    {
        var e = Episode();
        var set = Decide(e, SetGoalCommand(e, measure: null, baseline: null, target: null, description: "  Return to gardening  "));
        set.Description.ShouldBe("Return to gardening");
        set.MeasureCode.ShouldBeNull();
        set.Target.ShouldBeNull();
    }

    [Fact]
    public void the_description_is_required_and_limited_to_long_text()
    {
        var e = Episode();
        Refused(() => Decide(e, SetGoalCommand(e, description: "   "))).Field.ShouldBe("description");
        Refused(() => Decide(e, SetGoalCommand(e, description: new string('x', Validate.LongText + 1)))).Field.ShouldBe("description");
    }

    [Theory]
    [InlineData("XYZ")]
    [InlineData("ROM")]
    [InlineData("MMT")]
    public void a_measure_must_be_a_known_score(string code)
    {
        var e = Episode();
        Refused(() => Decide(e, SetGoalCommand(e, measure: code, baseline: 2, target: 4))).Field.ShouldBe("measureCode");
    }

    [Theory]
    [InlineData("LEFS", 38, 81, "target")]
    [InlineData("LEFS", -1, 60, "baseline")]
    [InlineData("NPRS", 11, 3, "baseline")]
    [InlineData("NPRS", 7, -1, "target")]
    [InlineData("TUG", 14.2, -0.5, "target")]
    public void baseline_and_target_lie_within_the_measures_range(string code, decimal baseline, decimal target, string field)
    {
        var e = Episode();
        Refused(() => Decide(e, SetGoalCommand(e, measure: code, baseline: baseline, target: target))).Field.ShouldBe(field);
    }

    [Fact]
    public void a_measured_goal_needs_a_target()
    {
        var e = Episode();
        Refused(() => Decide(e, SetGoalCommand(e, target: null))).Field.ShouldBe("target");
    }

    [Fact]
    public void a_baseline_or_target_without_a_measure_is_refused()
    {
        var e = Episode();
        Refused(() => Decide(e, SetGoalCommand(e, measure: null, baseline: 38, target: null))).Field.ShouldBe("baseline");
        Refused(() => Decide(e, SetGoalCommand(e, measure: null, baseline: null, target: 60))).Field.ShouldBe("target");
    }

    [Theory]
    [InlineData(38, 39)]
    [InlineData(0, 80)]
    public void where_higher_is_better_a_target_above_the_baseline_is_accepted(decimal baseline, decimal target)
    {
        var e = Episode();
        Decide(e, SetGoalCommand(e, measure: "LEFS", baseline: baseline, target: target)).Target.ShouldBe(target);
    }

    [Theory]
    [InlineData(38, 38)]
    [InlineData(38, 30)]
    public void where_higher_is_better_a_target_at_or_below_the_baseline_is_refused(decimal baseline, decimal target)
    {
        var e = Episode();
        var refusal = Refused(() => Decide(e, SetGoalCommand(e, measure: "LEFS", baseline: baseline, target: target)));
        refusal.Code.ShouldBe(ErrorCodes.ValidationFailed);
        refusal.Field.ShouldBe("target");
    }

    [Fact]
    public void where_lower_is_better_a_target_below_the_baseline_is_accepted()
    {
        var e = Episode();
        Decide(e, SetGoalCommand(e, measure: "NPRS", baseline: 7, target: 2)).Target.ShouldBe(2);
        Decide(e, SetGoalCommand(e, measure: "TUG", baseline: 14.2m, target: 13.1m)).Target.ShouldBe(13.1m);
    }

    [Theory]
    [InlineData("NPRS", 7, 7)]
    [InlineData("NPRS", 7, 9)]
    [InlineData("ODI", 44, 44.5)]
    public void where_lower_is_better_a_target_at_or_above_the_baseline_is_refused(string code, decimal baseline, decimal target)
    {
        var e = Episode();
        Refused(() => Decide(e, SetGoalCommand(e, measure: code, baseline: baseline, target: target))).Field.ShouldBe("target");
    }

    [Fact]
    public void an_omitted_baseline_is_the_latest_value_by_effective_date_on_or_before_the_goal()
    {
        var e = Episode();
        e.Assess(Today.AddDays(-35), "LEFS", 30);
        var latestBeforeGoal = e.Assess(Today.AddDays(-25), "LEFS", 38);
        e.Assess(Today.AddDays(-28), "LEFS", 35); // back-dated: recorded later, effective earlier
        e.Assess(Today.AddDays(-5), "LEFS", 50); // after the goal's date

        var set = Decide(e, SetGoalCommand(e, baseline: null, on: Today.AddDays(-20)));

        set.Baseline.ShouldBe(38);
        set.BaselineAssessmentId.ShouldBe(latestBeforeGoal);
    }

    [Fact]
    public void an_omitted_baseline_takes_the_later_recorded_of_two_values_on_the_same_date()
    {
        var e = Episode();
        e.Assess(Today.AddDays(-25), "NPRS", 7);
        var later = e.Assess(Today.AddDays(-25), "NPRS", 6);

        var set = Decide(e, SetGoalCommand(e, measure: "NPRS", baseline: null, target: 2, on: Today.AddDays(-25)));

        set.Baseline.ShouldBe(6);
        set.BaselineAssessmentId.ShouldBe(later);
    }

    [Fact]
    public void an_omitted_baseline_ignores_assessments_entered_in_error()
    {
        var e = Episode();
        e.Assess(Today.AddDays(-30), "LEFS", 38);
        e.Correct(EntryKind.Assessment, e.Assess(Today.AddDays(-25), "LEFS", 58)).ShouldBeTrue();

        Decide(e, SetGoalCommand(e, baseline: null, on: Today.AddDays(-20))).Baseline.ShouldBe(38);
    }

    [Fact]
    public void an_omitted_baseline_with_no_recorded_value_on_or_before_the_goal_is_refused()
    {
        var e = Episode();
        e.Assess(Today.AddDays(-30), "NPRS", 7);
        e.Assess(Today.AddDays(-10), "LEFS", 40);

        var refusal = Refused(() => Decide(e, SetGoalCommand(e, measure: "LEFS", baseline: null, on: Today.AddDays(-20))));

        refusal.Field.ShouldBe("baseline");
        refusal.Message.ShouldContain("LEFS");
    }

    [Fact]
    public void a_defaulted_baseline_still_obeys_the_direction_rule()
    {
        var e = Episode();
        e.Assess(Today.AddDays(-30), "NPRS", 3);
        Refused(() => Decide(e, SetGoalCommand(e, measure: "NPRS", baseline: null, target: 4))).Field.ShouldBe("target");
    }

    [Fact]
    public void the_target_date_is_not_before_the_goals_effective_date()
    {
        var e = Episode();
        var on = Today.AddDays(-10);
        Refused(() => Decide(e, SetGoalCommand(e, on: on, targetDate: on.AddDays(-1)))).Field.ShouldBe("targetDate");
        Decide(e, SetGoalCommand(e, on: on, targetDate: on)).TargetDate.ShouldBe(on);
    }

    [Fact]
    public void the_effective_date_lies_within_the_episode_and_not_in_the_future()
    {
        var e = Episode();
        Refused(() => Decide(e, SetGoalCommand(e, on: Today.AddDays(1)))).Field.ShouldBe("effectiveOn");
        Refused(() => Decide(e, SetGoalCommand(e, on: e.StartedOn.AddDays(-1)))).Field.ShouldBe("effectiveOn");
        Decide(e, SetGoalCommand(e, on: e.StartedOn)).EffectiveOn.ShouldBe(e.StartedOn);
    }

    [Fact]
    public void an_id_already_used_by_a_goal_or_a_report_is_a_conflict()
    {
        var e = Episode();
        var goal = e.Goal();
        var report = Guid.NewGuid();
        e.Apply(new ProgressReportIssued(e.Id, report, [new(goal.Id, "Improving")], null, Today, Clinician));

        Refused(() => Decide(e, SetGoalCommand(e, id: goal.Id))).Code.ShouldBe(ErrorCodes.Conflict);
        Refused(() => Decide(e, SetGoalCommand(e, id: report))).Code.ShouldBe(ErrorCodes.Conflict);
        Refused(() => Decide(e, SetGoalCommand(e, id: Guid.Empty))).Field.ShouldBe("id");
    }

    [Fact]
    public void an_unknown_closed_or_stale_episode_is_refused()
    {
        var e = Episode();
        Refused(() => SetGoalHandler.Decide(SetGoalCommand(e), null, Today)).Code.ShouldBe(ErrorCodes.NotFound);
        Refused(() => Decide(e, SetGoalCommand(e) with { ExpectedVersion = 7 })).Code.ShouldBe(ErrorCodes.Conflict);
        e.Apply(new EpisodeDischarged(e.Id, Today, "Goals met", Clinician));
        Refused(() => Decide(e, SetGoalCommand(e))).Code.ShouldBe(ErrorCodes.EpisodeClosed);
    }
}
