using RehabLedger.Clinics;
using RehabLedger.Common;
using RehabLedger.Episodes;

namespace RehabLedger.Tests.Episodes;

public sealed class RecordAssessmentDecisionTests
{
    private static readonly DateOnly Today = new(2026, 3, 18);
    private static readonly Guid ClinicId = Guid.NewGuid();
    private static readonly Therapist Assessor = new() { Id = Guid.NewGuid(), ClinicId = ClinicId, DisplayName = "Robin Ames" };

    private static Episode Episode() => new() { Id = Guid.NewGuid(), ClinicId = ClinicId, StartedOn = Today.AddDays(-20), Version = 1 };

    private static RecordAssessment Command(Episode e, AssessmentKind kind = AssessmentKind.Initial, DateOnly? on = null,
        MeasureResult[]? measures = null, RangeOfMotionResult[]? rom = null, MuscleTestResult[]? mmt = null, string? findings = null) =>
        new(e.Id, e.Version, Guid.NewGuid(), kind, on ?? Today, Assessor.Id, measures ?? [new("LEFS", 40)], rom ?? [], mmt ?? [], findings,
            new ActorRef("t-1", "therapist", "Robin Ames"));

    private static ClinicalRuleViolation Refused(Action decide) => Should.Throw<ClinicalRuleViolation>(decide);

    [Fact]
    public void a_valid_assessment_becomes_one_event_with_normalised_codes()
    {
        var e = Episode();
        var recorded = RecordAssessmentHandler.Decide(Command(e, measures: [new("lefs", 40), new("quickdash", 22.7m)]), e, Assessor, Today);
        recorded.Measures.Select(m => m.Code).ShouldBe(["LEFS", "QuickDASH"]);
        recorded.AssessorName.ShouldBe("Robin Ames");
    }

    [Fact]
    public void a_second_initial_assessment_is_refused()
    {
        var e = Episode();
        e.Apply(RecordAssessmentHandler.Decide(Command(e), e, Assessor, Today));
        Refused(() => RecordAssessmentHandler.Decide(Command(e), e, Assessor, Today)).Field.ShouldBe("kind");
    }

    [Fact]
    public void the_same_measure_twice_is_refused()
    {
        var e = Episode();
        Refused(() => RecordAssessmentHandler.Decide(Command(e, measures: [new("NPRS", 3), new("nprs", 4)]), e, Assessor, Today))
            .Field.ShouldBe("measures[1].code");
    }

    [Fact]
    public void an_empty_assessment_is_refused()
    {
        var e = Episode();
        Refused(() => RecordAssessmentHandler.Decide(Command(e, measures: []), e, Assessor, Today)).Code.ShouldBe(ErrorCodes.ValidationFailed);
    }

    [Theory]
    [InlineData(181)]
    [InlineData(-46)]
    public void impossible_range_of_motion_is_refused(decimal degrees)
    {
        var e = Episode();
        Refused(() => RecordAssessmentHandler.Decide(
            Command(e, measures: [], rom: [new("knee", "flexion", BodySide.Left, true, degrees)]), e, Assessor, Today))
            .Field.ShouldBe("rangeOfMotion[0].degrees");
    }

    [Theory]
    [InlineData(6)]
    [InlineData(3.5)]
    public void a_muscle_grade_outside_the_whole_0_to_5_scale_is_refused(decimal grade)
    {
        var e = Episode();
        Refused(() => RecordAssessmentHandler.Decide(
            Command(e, measures: [], mmt: [new("gluteus medius", BodySide.Right, grade)]), e, Assessor, Today))
            .Field.ShouldBe("muscleTests[0].grade");
    }

    [Fact]
    public void a_discharged_episode_is_closed()
    {
        var e = Episode();
        e.Apply(new EpisodeDischarged(e.Id, Today, "Goals met", ActorRef.DemoSeeder));
        Refused(() => RecordAssessmentHandler.Decide(Command(e), e, Assessor, Today)).Code.ShouldBe(ErrorCodes.EpisodeClosed);
    }

    [Fact]
    public void an_unknown_assessor_is_not_found()
    {
        var e = Episode();
        Refused(() => RecordAssessmentHandler.Decide(Command(e), e, null, Today)).Code.ShouldBe(ErrorCodes.NotFound);
    }

    [Fact]
    public void the_effective_date_must_lie_within_the_episode_and_not_in_the_future()
    {
        var e = Episode();
        Refused(() => RecordAssessmentHandler.Decide(Command(e, on: Today.AddDays(1)), e, Assessor, Today)).Field.ShouldBe("effectiveOn");
        Refused(() => RecordAssessmentHandler.Decide(Command(e, on: e.StartedOn.AddDays(-1)), e, Assessor, Today)).Field.ShouldBe("effectiveOn");
        RecordAssessmentHandler.Decide(Command(e, on: e.StartedOn), e, Assessor, Today).EffectiveOn.ShouldBe(e.StartedOn);
    }
}
