using RehabLedger.Common;
using RehabLedger.Episodes;
using RehabLedger.Goals;

namespace RehabLedger.Tests.Goals;

/// <summary>Episodes built in memory for the host-free goal decision tests, by applying the events the decisions return.</summary>
internal static class GoalTestData
{
    public static readonly DateOnly Today = new(2026, 3, 18);
    public static readonly ActorRef Clinician = new("t-1", "therapist", "Robin Ames");

    public static Episode Episode() => new() { Id = Guid.NewGuid(), StartedOn = Today.AddDays(-40), Version = 1 };

    public static ClinicalRuleViolation Refused(Action decide) => Should.Throw<ClinicalRuleViolation>(decide);

    /// <summary>Records an assessment of one measure and returns its id.</summary>
    public static Guid Assess(this Episode e, DateOnly on, string code, decimal value)
    {
        var id = Guid.NewGuid();
        e.Apply(new AssessmentRecorded(e.Id, id, AssessmentKind.ReAssessment, on, Guid.NewGuid(), "Robin Ames",
            [new MeasureResult(code, value)], [], [], null, Clinician));
        return id;
    }

    public static SetGoal SetGoalCommand(Episode e, string? measure = "LEFS", decimal? baseline = 38, decimal? target = 60,
        DateOnly? on = null, DateOnly? targetDate = null, string description = "Climb one flight of stairs without a rail", Guid? id = null) =>
        new(e.Id, e.Version, id ?? Guid.NewGuid(), description, measure, baseline, target, targetDate, on ?? Today.AddDays(-30), Clinician);

    /// <summary>Sets a goal on the episode through its decision and returns it as the episode keeps it.</summary>
    public static Goal Goal(this Episode e, string? measure = "LEFS", decimal? baseline = 38, decimal? target = 60,
        DateOnly? on = null, DateOnly? targetDate = null)
    {
        var set = SetGoalHandler.Decide(SetGoalCommand(e, measure, baseline, target, on, targetDate), e, Today);
        e.Apply(set);
        return e.FindGoal(set.GoalId)!;
    }

    public static SetGoalStatus StatusCommand(Episode e, Goal goal, GoalStatus status, DateOnly on, string? note = null) =>
        new(e.Id, e.Version, goal.Id, status, note, on, Clinician);

    public static void Status(this Episode e, Goal goal, GoalStatus status, DateOnly on) =>
        e.Apply(SetGoalStatusHandler.Decide(StatusCommand(e, goal, status, on), e, Today));
}
