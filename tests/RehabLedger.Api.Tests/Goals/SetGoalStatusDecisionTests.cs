using RehabLedger.Tests.Support;
using RehabLedger.Corrections;
using RehabLedger.Common;
using RehabLedger.Episodes;
using RehabLedger.Goals;
using static RehabLedger.Tests.Goals.GoalTestData;

namespace RehabLedger.Tests.Goals;

public sealed class SetGoalStatusDecisionTests
{
    private static GoalStatusSet Decide(Episode e, SetGoalStatus command) => SetGoalStatusHandler.Decide(command, e, Today);

    [Fact]
    public void a_new_goal_is_active_since_it_was_set()
    {
        var e = Episode();
        var goal = e.Goal(on: Today.AddDays(-30));
        var evaluation = GoalProgress.Evaluate(goal, e.Assessments);
        evaluation.Status.ShouldBe(GoalStatus.Active);
        evaluation.StatusSince.ShouldBe(Today.AddDays(-30));
    }

    [Fact]
    public void the_status_is_the_last_one_set_by_effective_date_so_a_back_dated_status_does_not_override_a_later_one()
    {
        var e = Episode();
        var goal = e.Goal(on: Today.AddDays(-30));
        e.Status(goal, GoalStatus.Achieved, Today.AddDays(-2));
        e.Status(goal, GoalStatus.PartlyAchieved, Today.AddDays(-10)); // recorded later, effective earlier

        var evaluation = GoalProgress.Evaluate(goal, e.Assessments);
        evaluation.Status.ShouldBe(GoalStatus.Achieved);
        evaluation.StatusSince.ShouldBe(Today.AddDays(-2));
        GoalProgress.Status(goal, Today.AddDays(-5)).ShouldBe(GoalStatus.PartlyAchieved);
        GoalProgress.Status(goal, Today.AddDays(-11)).ShouldBe(GoalStatus.Active);
    }

    [Fact]
    public void statuses_on_the_same_date_count_in_recording_order()
    {
        var e = Episode();
        var goal = e.Goal(on: Today.AddDays(-30));
        e.Status(goal, GoalStatus.PartlyAchieved, Today.AddDays(-3));
        e.Status(goal, GoalStatus.Discontinued, Today.AddDays(-3));
        GoalProgress.Status(goal).ShouldBe(GoalStatus.Discontinued);
    }

    [Fact]
    public void active_reopens_a_goal()
    {
        var e = Episode();
        var goal = e.Goal(on: Today.AddDays(-30));
        e.Status(goal, GoalStatus.Discontinued, Today.AddDays(-10));
        e.Status(goal, GoalStatus.Active, Today.AddDays(-4));
        var evaluation = GoalProgress.Evaluate(goal, e.Assessments);
        evaluation.Status.ShouldBe(GoalStatus.Active);
        evaluation.StatusSince.ShouldBe(Today.AddDays(-4));
    }

    [Fact]
    public void the_status_already_in_force_on_that_date_is_refused()
    {
        var e = Episode();
        var goal = e.Goal(on: Today.AddDays(-30));
        Refused(() => Decide(e, StatusCommand(e, goal, GoalStatus.Active, Today))).Field.ShouldBe("status");
        e.Status(goal, GoalStatus.Achieved, Today.AddDays(-10));
        var refusal = Refused(() => Decide(e, StatusCommand(e, goal, GoalStatus.Achieved, Today.AddDays(-5))));
        refusal.Field.ShouldBe("status");
        refusal.Message.ShouldContain("ACHIEVED");
        // Before the achievement the goal was still active, so a back-dated partial achievement is a change.
        Decide(e, StatusCommand(e, goal, GoalStatus.PartlyAchieved, Today.AddDays(-15))).Status.ShouldBe(GoalStatus.PartlyAchieved);
    }

    [Fact]
    public void the_effective_date_is_within_the_episode_and_not_before_the_goal()
    {
        var e = Episode();
        var goal = e.Goal(on: Today.AddDays(-30));
        Refused(() => Decide(e, StatusCommand(e, goal, GoalStatus.Achieved, Today.AddDays(-31)))).Field.ShouldBe("effectiveOn");
        Refused(() => Decide(e, StatusCommand(e, goal, GoalStatus.Achieved, Today.AddDays(1)))).Field.ShouldBe("effectiveOn");
        Decide(e, StatusCommand(e, goal, GoalStatus.Achieved, Today.AddDays(-30))).EffectiveOn.ShouldBe(Today.AddDays(-30));
    }

    [Fact]
    public void the_note_is_optional_long_text()
    {
        var e = Episode();
        var goal = e.Goal();
        Decide(e, StatusCommand(e, goal, GoalStatus.Achieved, Today, note: "  Stairs without rail  ")).Note.ShouldBe("Stairs without rail");
        Refused(() => Decide(e, StatusCommand(e, goal, GoalStatus.Achieved, Today, note: new string('x', Validate.LongText + 1))))
            .Field.ShouldBe("note");
    }

    [Fact]
    public void an_unknown_goal_is_not_found_and_a_goal_in_error_is_refused()
    {
        var e = Episode();
        var stranger = Episode().Goal();
        Refused(() => Decide(e, StatusCommand(e, stranger, GoalStatus.Achieved, Today))).Code.ShouldBe(ErrorCodes.NotFound);

        var goal = e.Goal();
        e.Correct(EntryKind.Goal, goal.Id);
        var refusal = Refused(() => Decide(e, StatusCommand(e, goal, GoalStatus.Achieved, Today)));
        refusal.Code.ShouldBe(ErrorCodes.ValidationFailed);
        refusal.Field.ShouldBe("goalId");
    }

    [Fact]
    public void an_unknown_status_value_is_refused()
    {
        var e = Episode();
        Refused(() => Decide(e, StatusCommand(e, e.Goal(), (GoalStatus)42, Today))).Field.ShouldBe("status");
    }
}
