using RehabLedger.Tests.Support;
using RehabLedger.Common;
using RehabLedger.Corrections;
using RehabLedger.Episodes;
using RehabLedger.Goals;
using RehabLedger.Insurers;
using RehabLedger.Patients;
using RehabLedger.PlanOfCare;
using RehabLedger.Sessions;

namespace RehabLedger.Tests.Insurers;

/// <summary>The outcome history as a pure function of the episode, its progress facts, the patient and the day.</summary>
public sealed class OutcomeHistoryBuilderTests
{
    private static readonly ActorRef By = new("t-1", "therapist", "Robin Ames");
    private static readonly DateOnly Start = new(2026, 1, 5);
    private static readonly DateOnly Today = new(2026, 3, 18);
    private static readonly Guid EpisodeId = Guid.NewGuid();

    private static readonly Patient Patient = new()
    {
        Id = Guid.NewGuid(), FamilyName = "Rivera", GivenName = "Ana", BirthDate = new(1958, 11, 30), MedicalRecordNumber = "MRN-1",
    };

    private static Episode Opened(Coverage? coverage = null) => Episode.Create(new EpisodeOpened(EpisodeId, Patient.Id, Guid.NewGuid(),
        Guid.NewGuid(), new Condition("M54.50", "Low back pain, unspecified", "lumbar spine"), "Dr. Referrer",
        coverage ?? new Coverage("acme", "Acme Health", "ACME-7"), Start, By));

    private static EpisodeSessions NoSessions => EpisodeSessions.None;

    private static AssessmentRecorded Assessment(AssessmentKind kind, DateOnly on, decimal odi) =>
        new(EpisodeId, Guid.NewGuid(), kind, on, Guid.NewGuid(), "Robin Ames", [new MeasureResult("ODI", odi)], [], [], "Findings.", By);

    [Fact]
    public void an_episode_without_a_payer_has_no_outcome_history()
    {
        var episode = Opened();
        episode.Coverage = null;

        OutcomeHistoryBuilder.Of(episode, NoSessions, Patient, Today).ShouldBeNull();
    }

    [Fact]
    public void the_patient_is_known_by_member_id_and_birth_year_only()
    {
        var history = OutcomeHistoryBuilder.Of(Opened(), NoSessions, Patient, Today)!;

        history.Member.ShouldBe(new InsuredMember("ACME-7", 1958));
        history.Coverage.PayerId.ShouldBe("acme");
        history.VisitsAuthorized.ShouldBeNull();
    }

    [Fact]
    public void certifications_in_error_are_left_out_and_the_rest_come_by_start()
    {
        var episode = Opened();
        var physician = new CertifyingPhysician("Dr. Okoye", null);
        var later = new PlanOfCareCertified(EpisodeId, Guid.NewGuid(), new(2026, 4, 5), new(2026, 7, 3), physician, "Recert.", By);
        var mistaken = new PlanOfCareCertified(EpisodeId, Guid.NewGuid(), new(2026, 7, 4), new(2026, 8, 1), physician, null, By);
        var first = new PlanOfCareCertified(EpisodeId, Guid.NewGuid(), Start, new(2026, 4, 4), physician, null, By);
        foreach (var c in new[] { later, mistaken, first }) episode.Apply(c);
        episode.Apply(InMemoryCorrections.Correction(EpisodeId, EntryKind.Certification, mistaken.CertificationId));

        var history = OutcomeHistoryBuilder.Of(episode, NoSessions, Patient, Today)!;

        history.Certifications.ShouldBe([new CertifiedPeriod(Start, new(2026, 4, 4), 90), new CertifiedPeriod(new(2026, 4, 5), new(2026, 7, 3), 90)]);
    }

    [Fact]
    public void progress_reports_give_their_dates_by_effective_date_and_skip_those_in_error()
    {
        var episode = Opened();
        var late = new ProgressReportIssued(EpisodeId, Guid.NewGuid(), [], "Plan.", new(2026, 2, 20), By);
        var early = new ProgressReportIssued(EpisodeId, Guid.NewGuid(), [], null, new(2026, 1, 30), By);
        var mistaken = new ProgressReportIssued(EpisodeId, Guid.NewGuid(), [], null, new(2026, 2, 1), By);
        foreach (var r in new[] { late, early, mistaken }) episode.Apply(r);
        episode.Apply(InMemoryCorrections.Correction(EpisodeId, EntryKind.ProgressReport, mistaken.ReportId));

        OutcomeHistoryBuilder.Of(episode, NoSessions, Patient, Today)!.ProgressReportDates.ShouldBe([new(2026, 1, 30), new(2026, 2, 20)]);
    }

    [Fact]
    public void the_discharge_outcome_takes_the_latest_standing_discharge_assessment()
    {
        var episode = Opened();
        var initial = Assessment(AssessmentKind.Initial, Start, 40);
        var discharge = Assessment(AssessmentKind.Discharge, new(2026, 3, 10), 18);
        var mistaken = Assessment(AssessmentKind.Discharge, new(2026, 3, 12), 90);
        foreach (var a in new[] { initial, discharge, mistaken }) episode.Apply(a);
        episode.Apply(InMemoryCorrections.Correction(EpisodeId, EntryKind.Assessment, mistaken.AssessmentId));
        episode.Apply(new EpisodeDischarged(EpisodeId, new(2026, 3, 12), "Goals met.", By));

        var history = OutcomeHistoryBuilder.Of(episode, NoSessions, Patient, Today)!;

        history.Discharge.ShouldNotBeNull();
        history.Discharge.DischargedOn.ShouldBe(new DateOnly(2026, 3, 12));
        history.Discharge.AssessedOn.ShouldBe(new DateOnly(2026, 3, 10));
        history.Discharge.Measures.ShouldBe([new MeasureResult("ODI", 18)]);
        history.Measures.Single().Series.Select(p => p.Value).ShouldBe([40m, 18m]);
        history.Measures.Single().ReachesMcid.ShouldBe(true);
    }

    [Fact]
    public void an_active_episode_has_no_discharge_outcome()
    {
        OutcomeHistoryBuilder.Of(Opened(), NoSessions, Patient, Today)!.Discharge.ShouldBeNull();
    }
}
