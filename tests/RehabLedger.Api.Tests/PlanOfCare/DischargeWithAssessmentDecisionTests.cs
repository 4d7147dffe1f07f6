using RehabLedger.Clinics;
using RehabLedger.Common;
using RehabLedger.Episodes;

namespace RehabLedger.Tests.PlanOfCare;

public sealed class DischargeWithAssessmentDecisionTests
{
    private static readonly DateOnly Today = new(2026, 3, 18);
    private static readonly Guid ClinicId = Guid.NewGuid();
    private static readonly Therapist Assessor = new() { Id = Guid.NewGuid(), ClinicId = ClinicId, DisplayName = "Robin Ames" };
    private static readonly ActorRef By = new("t-1", "therapist", "Robin Ames");

    private static Episode Episode() => new() { Id = Guid.NewGuid(), ClinicId = ClinicId, StartedOn = Today.AddDays(-40), Version = 4 };

    private static DischargeAssessment Assessment(MeasureResult[]? measures = null, Guid? id = null, string? findings = null) =>
        new(id ?? Guid.NewGuid(), Assessor.Id, measures ?? [new("LEFS", 61), new("NPRS", 2)], [], [], findings);

    private static DischargeEpisode Command(Episode e, DischargeAssessment? assessment, DateOnly? on = null, string reason = "Goals met") =>
        new(e.Id, e.Version, on ?? Today.AddDays(-1), reason, assessment, By);

    private static ClinicalRuleViolation Refused(Episode e, DischargeEpisode command, Therapist? assessor) =>
        Should.Throw<ClinicalRuleViolation>(() => DischargeEpisodeHandler.Decide(command, e, assessor, Today));

    [Fact]
    public void the_discharge_assessment_comes_first_dated_the_discharge_date_then_the_discharge()
    {
        var e = Episode();
        var assessment = Assessment(findings: " Independent with stairs. ");
        var discharge = DischargeEpisodeHandler.Decide(Command(e, assessment), e, Assessor, Today);

        var events = discharge.Events.ToList();
        events.Count.ShouldBe(2);
        var recorded = events[0].ShouldBeOfType<AssessmentRecorded>();
        events[1].ShouldBeOfType<EpisodeDischarged>().ShouldBe(discharge.Discharged);
        recorded.AssessmentId.ShouldBe(assessment.AssessmentId);
        recorded.Kind.ShouldBe(AssessmentKind.Discharge);
        recorded.EffectiveOn.ShouldBe(Today.AddDays(-1));
        recorded.EffectiveOn.ShouldBe(discharge.Discharged.EffectiveOn);
        recorded.AssessorName.ShouldBe("Robin Ames");
        recorded.Findings.ShouldBe("Independent with stairs.");
        recorded.By.ShouldBe(By);
    }

    [Fact]
    public void applying_both_events_leaves_a_discharged_episode_with_its_discharge_assessment_and_closed_to_changes()
    {
        var e = Episode();
        foreach (var @event in DischargeEpisodeHandler.Decide(Command(e, Assessment()), e, Assessor, Today).Events)
        {
            if (@event is AssessmentRecorded a) e.Apply(a);
            else e.Apply((EpisodeDischarged)@event);
        }
        e.Version = 6;

        e.IsClosed.ShouldBeTrue();
        e.Assessments.Single().Kind.ShouldBe(AssessmentKind.Discharge);
        Refused(e, Command(e, Assessment()), Assessor).Code.ShouldBe(ErrorCodes.EpisodeClosed);
    }

    [Theory]
    [InlineData("NPRS", 11, "assessment.measures[0].value")]
    [InlineData("LEFS", 81, "assessment.measures[0].value")]
    [InlineData("XYZ", 3, "assessment.measures[0].code")]
    public void an_invalid_measure_refuses_the_whole_discharge_naming_the_assessment_field(string code, decimal value, string field)
    {
        var e = Episode();
        var refused = Refused(e, Command(e, Assessment([new(code, value)])), Assessor);
        refused.Code.ShouldBe(ErrorCodes.ValidationFailed);
        refused.Field.ShouldBe(field);
    }

    [Fact]
    public void an_empty_assessment_refuses_the_discharge()
    {
        var e = Episode();
        Refused(e, Command(e, Assessment([])), Assessor).Field.ShouldBe("assessment");
    }

    [Fact]
    public void the_assessor_must_be_a_known_therapist_of_the_episodes_clinic()
    {
        var e = Episode();
        var unknown = Refused(e, Command(e, Assessment()), null);
        unknown.Code.ShouldBe(ErrorCodes.NotFound);
        unknown.Field.ShouldBe("assessment.assessorId");

        var elsewhere = new Therapist { Id = Assessor.Id, ClinicId = Guid.NewGuid(), DisplayName = "Sam Lee" };
        Refused(e, Command(e, Assessment()), elsewhere).Field.ShouldBe("assessment.assessorId");
    }

    [Fact]
    public void an_assessment_id_already_on_the_episode_is_a_conflict()
    {
        var e = Episode();
        var id = Guid.NewGuid();
        e.Apply(new AssessmentRecorded(e.Id, id, AssessmentKind.Initial, Today.AddDays(-40), Assessor.Id, "Robin Ames",
            [new("LEFS", 40)], [], [], null, By));
        Refused(e, Command(e, Assessment(id: id)), Assessor).Code.ShouldBe(ErrorCodes.Conflict);
    }

    [Fact]
    public void the_discharge_rules_still_apply_when_an_assessment_is_carried()
    {
        var e = Episode();
        Refused(e, Command(e, Assessment(), reason: " "), Assessor).Field.ShouldBe("reason");
        Refused(e, Command(e, Assessment(), on: Today.AddDays(1)), Assessor).Field.ShouldBe("effectiveOn");
        Refused(e, Command(e, Assessment(), on: e.StartedOn.AddDays(-1)), Assessor).Field.ShouldBe("effectiveOn");
    }

    [Fact]
    public void without_an_assessment_no_assessor_is_needed_and_only_the_discharge_is_decided()
    {
        var e = Episode();
        var discharge = DischargeEpisodeHandler.Decide(Command(e, null), e, null, Today);
        discharge.Assessment.ShouldBeNull();
        discharge.Events.Single().ShouldBeOfType<EpisodeDischarged>();
    }
}
