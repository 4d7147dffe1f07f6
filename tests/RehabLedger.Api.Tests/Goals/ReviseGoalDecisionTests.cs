using RehabLedger.Tests.Support;
using RehabLedger.Corrections;
using RehabLedger.Common;
using RehabLedger.Episodes;
using RehabLedger.Goals;
using static RehabLedger.Tests.Goals.GoalTestData;

namespace RehabLedger.Tests.Goals;

public sealed class ReviseGoalDecisionTests
{
    private static ReviseGoal Command(Episode e, Goal goal, string? description = null, decimal? target = null,
        DateOnly? targetDate = null, string reason = "Progressing faster than expected", DateOnly? on = null) =>
        new(e.Id, e.Version, goal.Id, description, target, targetDate, reason, on ?? Today.AddDays(-5), Clinician);

    private static GoalRevised Decide(Episode e, ReviseGoal command) => ReviseGoalHandler.Decide(command, e, Today);

    [Fact]
    public void a_revision_carries_each_change_from_old_to_new_and_the_reason()
    {
        var e = Episode();
        var goal = e.Goal(target: 60, targetDate: Today.AddDays(10));

        var revised = Decide(e, Command(e, goal, description: "Climb two flights", target: 65.5m, targetDate: Today.AddDays(30)));

        revised.Changes.ShouldBe([
            new GoalChange("description", "Climb one flight of stairs without a rail", "Climb two flights"),
            new GoalChange("target", "60", "65.5"),
            new GoalChange("targetDate", Today.AddDays(10).ToString("yyyy-MM-dd"), Today.AddDays(30).ToString("yyyy-MM-dd")),
        ]);
        revised.Reason.ShouldBe("Progressing faster than expected");
        e.Apply(revised);
        goal.Target.ShouldBe(65.5m);
        goal.Description.ShouldBe("Climb two flights");
        goal.Revisions.Single().Changes.Count.ShouldBe(3);
    }

    [Fact]
    public void only_the_fields_that_differ_are_changes()
    {
        var e = Episode();
        var goal = e.Goal(target: 60);
        var revised = Decide(e, Command(e, goal, description: goal.Description, target: 60, targetDate: Today.AddDays(20)));
        revised.Changes.ShouldBe([new GoalChange("targetDate", null, Today.AddDays(20).ToString("yyyy-MM-dd"))]);
        revised.Target.ShouldBe(60);
    }

    [Fact]
    public void a_revision_must_change_something()
    {
        var e = Episode();
        var goal = e.Goal(target: 60);
        Refused(() => Decide(e, Command(e, goal))).Field.ShouldBe("");
        Refused(() => Decide(e, Command(e, goal, description: goal.Description, target: 60))).Field.ShouldBe("");
    }

    [Fact]
    public void a_revised_target_still_points_in_the_direction_of_improvement_where_higher_is_better()
    {
        var e = Episode();
        var goal = e.Goal(measure: "LEFS", baseline: 38, target: 60);
        Refused(() => Decide(e, Command(e, goal, target: 38))).Field.ShouldBe("target");
        Decide(e, Command(e, goal, target: 39)).Target.ShouldBe(39);
    }

    [Fact]
    public void a_revised_target_still_points_in_the_direction_of_improvement_where_lower_is_better()
    {
        var e = Episode();
        var goal = e.Goal(measure: "NPRS", baseline: 7, target: 3);
        Refused(() => Decide(e, Command(e, goal, target: 8))).Field.ShouldBe("target");
        Decide(e, Command(e, goal, target: 1)).Target.ShouldBe(1);
    }

    [Fact]
    public void a_revised_target_lies_within_the_measures_range_and_needs_a_measure()
    {
        var e = Episode();
        Refused(() => Decide(e, Command(e, e.Goal(measure: "LEFS", baseline: 38, target: 60), target: 81))).Field.ShouldBe("target");
        Refused(() => Decide(e, Command(e, e.Goal(measure: null, baseline: null, target: null), target: 5))).Field.ShouldBe("target");
    }

    [Fact]
    public void a_goal_entered_in_error_cannot_be_revised()
    {
        var e = Episode();
        var goal = e.Goal();
        e.Correct(EntryKind.Goal, goal.Id).ShouldBeTrue();
        var refusal = Refused(() => Decide(e, Command(e, goal, target: 70)));
        refusal.Field.ShouldBe("goalId");
        refusal.Message.ShouldContain("entered in error");
    }

    [Fact]
    public void a_discontinued_goal_cannot_be_revised_until_it_is_reopened()
    {
        var e = Episode();
        var goal = e.Goal();
        e.Status(goal, GoalStatus.Discontinued, Today.AddDays(-10));
        var refusal = Refused(() => Decide(e, Command(e, goal, target: 70)));
        refusal.Field.ShouldBe("goalId");
        refusal.Message.ShouldContain("discontinued");

        e.Status(goal, GoalStatus.Active, Today.AddDays(-8));
        Decide(e, Command(e, goal, target: 70)).Target.ShouldBe(70);
    }

    [Fact]
    public void an_achieved_goal_can_be_revised()
    {
        var e = Episode();
        var goal = e.Goal();
        e.Status(goal, GoalStatus.Achieved, Today.AddDays(-10));
        Decide(e, Command(e, goal, target: 70)).Target.ShouldBe(70);
    }

    [Fact]
    public void an_unknown_goal_is_not_found()
    {
        var e = Episode();
        var other = Episode().Goal();
        var refusal = Refused(() => Decide(e, Command(e, other, target: 70)));
        refusal.Code.ShouldBe(ErrorCodes.NotFound);
        refusal.Field.ShouldBe("goalId");
    }

    [Fact]
    public void the_reason_is_required()
    {
        var e = Episode();
        Refused(() => Decide(e, Command(e, e.Goal(), target: 70, reason: " "))).Field.ShouldBe("reason");
    }

    [Fact]
    public void a_description_given_must_not_be_blank()
    {
        var e = Episode();
        Refused(() => Decide(e, Command(e, e.Goal(), description: "  "))).Field.ShouldBe("description");
    }

    [Fact]
    public void a_revision_is_not_dated_before_the_goal_or_its_last_revision()
    {
        var e = Episode();
        var goal = e.Goal(on: Today.AddDays(-30));
        Refused(() => Decide(e, Command(e, goal, target: 70, on: Today.AddDays(-31)))).Field.ShouldBe("effectiveOn");
        Refused(() => Decide(e, Command(e, goal, target: 70, on: Today.AddDays(1)))).Field.ShouldBe("effectiveOn");

        e.Apply(Decide(e, Command(e, goal, target: 70, on: Today.AddDays(-10))));
        Refused(() => Decide(e, Command(e, goal, target: 72, on: Today.AddDays(-11)))).Field.ShouldBe("effectiveOn");
        Decide(e, Command(e, goal, target: 72, on: Today.AddDays(-10))).Target.ShouldBe(72);
    }

    [Fact]
    public void a_revised_target_date_is_not_before_the_goal_was_set()
    {
        var e = Episode();
        var goal = e.Goal(on: Today.AddDays(-30));
        Refused(() => Decide(e, Command(e, goal, targetDate: Today.AddDays(-31)))).Field.ShouldBe("targetDate");
    }

    [Fact]
    public void a_closed_episode_refuses_revisions()
    {
        var e = Episode();
        var goal = e.Goal();
        e.Apply(new EpisodeDischarged(e.Id, Today, "Goals met", Clinician));
        Refused(() => Decide(e, Command(e, goal, target: 70))).Code.ShouldBe(ErrorCodes.EpisodeClosed);
    }
}
