using RehabLedger.Tests.Support;
using RehabLedger.Corrections;
using RehabLedger.Common;
using RehabLedger.Episodes;
using RehabLedger.Goals;
using static RehabLedger.Tests.Goals.GoalTestData;

namespace RehabLedger.Tests.Goals;

public sealed class IssueProgressReportDecisionTests
{
    private static IssueProgressReport Command(Episode e, DateOnly? on = null, string? plan = "Continue 2x/week", Guid? id = null,
        params GoalSummary[] summaries) =>
        new(e.Id, e.Version, id ?? Guid.NewGuid(), summaries, plan, on ?? Today, Clinician);

    private static ProgressReportIssued Decide(Episode e, IssueProgressReport command) => IssueProgressReportHandler.Decide(command, e, Today);

    private static GoalSummary About(Goal goal, string summary = "Stairs with one rail now") => new(goal.Id, summary);

    [Fact]
    public void a_report_summarising_every_active_goal_becomes_one_event()
    {
        var e = Episode();
        var stairs = e.Goal();
        var pain = e.Goal(measure: "NPRS", baseline: 7, target: 2);

        var issued = Decide(e, Command(e, summaries: [About(stairs), About(pain, "  Pain down to 4  ")]));

        issued.GoalSummaries.ShouldBe([new GoalSummary(stairs.Id, "Stairs with one rail now"), new GoalSummary(pain.Id, "Pain down to 4")]);
        issued.Plan.ShouldBe("Continue 2x/week");
    }

    [Fact]
    public void a_report_missing_an_active_goal_is_refused_naming_it()
    {
        var e = Episode();
        var stairs = e.Goal();
        var pain = e.Goal(measure: "NPRS", baseline: 7, target: 2);

        var refusal = Refused(() => Decide(e, Command(e, summaries: [About(stairs)])));

        refusal.Code.ShouldBe(ErrorCodes.ValidationFailed);
        refusal.Field.ShouldBe("goalSummaries");
        refusal.Message.ShouldContain(pain.Id.ToString());
        refusal.Message.ShouldContain(pain.Description);
    }

    [Fact]
    public void goals_achieved_or_discontinued_by_the_report_date_need_no_summary()
    {
        var e = Episode();
        var stairs = e.Goal();
        var pain = e.Goal(measure: "NPRS", baseline: 7, target: 2);
        var walk = e.Goal(measure: "6MWT", baseline: 300, target: 400);
        e.Status(pain, GoalStatus.Achieved, Today.AddDays(-3));
        e.Status(walk, GoalStatus.Discontinued, Today.AddDays(-3));

        Decide(e, Command(e, summaries: [About(stairs)])).GoalSummaries.Count.ShouldBe(1);
        Decide(e, Command(e, summaries: [About(stairs), About(pain, "Met")])).GoalSummaries.Count.ShouldBe(2);
    }

    [Fact]
    public void whether_a_goal_is_active_is_judged_on_the_report_date()
    {
        var e = Episode();
        var pain = e.Goal(measure: "NPRS", baseline: 7, target: 2, on: Today.AddDays(-30));
        e.Status(pain, GoalStatus.Achieved, Today.AddDays(-10));
        e.Status(pain, GoalStatus.Active, Today.AddDays(-4)); // reopened after a flare-up

        Refused(() => Decide(e, Command(e, on: Today.AddDays(-12)))).Field.ShouldBe("goalSummaries");
        Decide(e, Command(e, on: Today.AddDays(-6))).GoalSummaries.ShouldBeEmpty();
        Refused(() => Decide(e, Command(e, on: Today))).Field.ShouldBe("goalSummaries");
    }

    [Fact]
    public void a_goal_set_after_the_report_date_is_not_required_and_cannot_be_summarised()
    {
        var e = Episode();
        var later = e.Goal(on: Today.AddDays(-2));
        Decide(e, Command(e, on: Today.AddDays(-5))).GoalSummaries.ShouldBeEmpty();
        Refused(() => Decide(e, Command(e, on: Today.AddDays(-5), summaries: [About(later)]))).Field.ShouldBe("goalSummaries[0].goalId");
    }

    [Fact]
    public void a_goal_of_another_episode_is_not_found()
    {
        var e = Episode();
        var stranger = Episode().Goal();
        var refusal = Refused(() => Decide(e, Command(e, summaries: [About(stranger)])));
        refusal.Code.ShouldBe(ErrorCodes.NotFound);
        refusal.Field.ShouldBe("goalSummaries[0].goalId");
    }

    [Fact]
    public void a_goal_entered_in_error_is_neither_required_nor_accepted()
    {
        var e = Episode();
        var wrong = e.Goal();
        e.Correct(EntryKind.Goal, wrong.Id);
        Decide(e, Command(e)).GoalSummaries.ShouldBeEmpty();
        var refusal = Refused(() => Decide(e, Command(e, summaries: [About(wrong)])));
        refusal.Code.ShouldBe(ErrorCodes.ValidationFailed);
        refusal.Field.ShouldBe("goalSummaries[0].goalId");
    }

    [Fact]
    public void a_goal_summarised_twice_is_refused()
    {
        var e = Episode();
        var stairs = e.Goal();
        Refused(() => Decide(e, Command(e, summaries: [About(stairs), About(stairs, "Again")]))).Field.ShouldBe("goalSummaries[1].goalId");
    }

    [Fact]
    public void each_summary_is_required_long_text()
    {
        var e = Episode();
        var stairs = e.Goal();
        Refused(() => Decide(e, Command(e, summaries: [About(stairs, " ")]))).Field.ShouldBe("goalSummaries[0].summary");
        Refused(() => Decide(e, Command(e, summaries: [About(stairs, new string('x', Validate.LongText + 1))])))
            .Field.ShouldBe("goalSummaries[0].summary");
        Refused(() => Decide(e, Command(e, plan: new string('x', Validate.LongText + 1), summaries: [About(stairs)])))
            .Field.ShouldBe("plan");
    }

    [Fact]
    public void an_empty_report_is_refused()
    {
        var e = Episode();
        Refused(() => Decide(e, Command(e, plan: "  "))).Field.ShouldBe("");
        Decide(e, Command(e, plan: "Discharge planned next week")).Plan.ShouldBe("Discharge planned next week");
    }

    [Fact]
    public void the_date_lies_within_the_episode_and_not_in_the_future()
    {
        var e = Episode();
        Refused(() => Decide(e, Command(e, on: Today.AddDays(1)))).Field.ShouldBe("effectiveOn");
        Refused(() => Decide(e, Command(e, on: e.StartedOn.AddDays(-1)))).Field.ShouldBe("effectiveOn");
    }

    [Fact]
    public void a_report_id_already_used_is_a_conflict()
    {
        var e = Episode();
        var goal = e.Goal();
        var issued = Decide(e, Command(e, summaries: [About(goal)]));
        e.Apply(issued);
        Refused(() => Decide(e, Command(e, id: issued.ReportId, summaries: [About(goal)]))).Code.ShouldBe(ErrorCodes.Conflict);
        Refused(() => Decide(e, Command(e, id: goal.Id, summaries: [About(goal)]))).Code.ShouldBe(ErrorCodes.Conflict);
    }

    [Fact]
    public void a_progress_report_is_not_an_assessment()
    {
        var e = Episode();
        e.Assess(Today.AddDays(-30), "LEFS", 38);
        var goal = e.Goal();
        e.Apply(Decide(e, Command(e, summaries: [About(goal)])));
        e.Assessments.Count.ShouldBe(1);
        e.ProgressReports.Single().GoalSummaries.Single().GoalId.ShouldBe(goal.Id);
    }
}
