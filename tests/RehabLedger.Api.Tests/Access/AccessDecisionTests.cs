using RehabLedger.Access;
using RehabLedger.Disclosures;
using RehabLedger.Episodes;
using RehabLedger.Insurers;
using RehabLedger.Patients;
using RehabLedger.Security;

namespace RehabLedger.Tests.Access;

/// <summary>The access decisions, without a host: the same functions every surface calls.</summary>
public sealed class AccessDecisionTests
{
    private static readonly Guid Own = Guid.NewGuid();
    private static readonly Guid Other = Guid.NewGuid();

    private static AccessGuard As(string role, Guid? clinic = null, string? payer = null, Guid? patient = null) =>
        new(new Caller("someone", "Someone", role, clinic is { } c ? new HashSet<Guid> { c } : new HashSet<Guid>(), payer, patient));

    private static EpisodeOwner Episode(Guid clinic) => new(Guid.NewGuid(), clinic, Guid.NewGuid());

    [Fact]
    public void a_record_of_the_callers_clinic_is_granted_with_its_subject()
    {
        var episode = Episode(Own);
        var decision = EpisodeAccess.Read(As(Roles.Therapist, Own), episode);
        decision.ShouldBe(AccessDecision.Grant(new DisclosureSubject(Own, episode.PatientId, episode.Id)));
    }

    [Fact]
    public void another_clinics_record_is_refused_with_whose_it_is_and_an_unknown_id_with_nothing()
    {
        var episode = Episode(Other);
        var refused = EpisodeAccess.Read(As(Roles.Auditor, Own), episode);
        refused.Granted.ShouldBeFalse();
        refused.Subject.ShouldBe(EpisodeAccess.Subject(episode), "the owner's clinic learns it was tried");
        refused.Reason.ShouldBe(RecordAccess.OtherClinic);

        EpisodeAccess.Read(As(Roles.Auditor, Own), null).ShouldBe(AccessDecision.NotFound);
        AccessDecision.NotFound.Reason.ShouldBe(DisclosureLog.OutOfReach);
    }

    [Fact]
    public void a_platform_administrator_reads_every_clinic_and_an_insurer_no_clinic_record()
    {
        RecordAccess.Read(As(Roles.PlatformAdmin), DisclosureSubject.Clinic(Other)).Granted.ShouldBeTrue();
        RecordAccess.Read(As(Roles.Insurer, payer: "aetna"), DisclosureSubject.Clinic(Other)).Granted.ShouldBeFalse();
        RecordAccess.Read(As(Roles.Patient, patient: Guid.NewGuid()), DisclosureSubject.Clinic(Own)).Granted.ShouldBeFalse();
    }

    [Fact]
    public void only_clinicians_of_its_clinic_change_an_episode_unless_the_operation_says_who_else_may()
    {
        var episode = Episode(Own);
        EpisodeAccess.Change(As(Roles.Therapist, Own), episode, EpisodeAccess.Clinicians).Granted.ShouldBeTrue();
        EpisodeAccess.Change(As(Roles.ClinicAdmin, Own), episode, EpisodeAccess.Clinicians).Reason.ShouldBe(EpisodeAccess.MayNotChange);
        EpisodeAccess.Change(As(Roles.Therapist, Other), episode, EpisodeAccess.Clinicians).Granted.ShouldBeFalse();
        EpisodeAccess.Change(As(Roles.Patient, patient: episode.PatientId), episode, (g, e) => g.CanLogHomeExercise(e.ClinicId, e.PatientId))
            .Granted.ShouldBeTrue();
        EpisodeAccess.Change(As(Roles.Therapist, Own), null, EpisodeAccess.Clinicians).ShouldBe(AccessDecision.NotFound);
    }

    [Fact]
    public void a_clinic_outside_reach_is_refused_whether_or_not_it_exists()
    {
        ClinicAccess.Decide(As(Roles.ClinicAdmin, Own), Own, (g, c) => g.CanAdminister(c)).Granted.ShouldBeTrue();
        var refused = ClinicAccess.Decide(As(Roles.ClinicAdmin, Own), Other, (g, c) => g.CanAdminister(c));
        (refused.Granted, refused.Subject, refused.Reason).ShouldBe((false, DisclosureSubject.Clinic(Other), ClinicAccess.OutsideReach));
    }

    [Fact]
    public void an_insurer_reads_an_outcome_history_of_its_payer_only_while_the_patient_consents()
    {
        var (episode, patient) = Covered("aetna");
        var found = new OutcomeHistorySubject(episode, patient);
        var aetna = As(Roles.Insurer, payer: "aetna");

        OutcomeHistoryAccess.Decide(aetna, found).Reason.ShouldBe(OutcomeHistoryAccess.MayNotRead);
        patient.Consents.Add(new PayerConsent { PayerId = "aetna" });
        OutcomeHistoryAccess.Decide(aetna, found).ShouldBe(AccessDecision.Grant(new DisclosureSubject(Own, patient.Id, episode.Id)));
        OutcomeHistoryAccess.Decide(As(Roles.Insurer, payer: "cigna"), found).Granted.ShouldBeFalse();
        OutcomeHistoryAccess.Decide(As(Roles.Therapist, Own), found).Granted.ShouldBeTrue();
        OutcomeHistoryAccess.Decide(aetna, null).ShouldBe(AccessDecision.NotFound);

        episode.Coverage = null;
        OutcomeHistoryAccess.Decide(As(Roles.Therapist, Own), found).Reason.ShouldBe(OutcomeHistoryAccess.NoPayer);
    }

    [Fact]
    public void a_patients_consents_are_managed_by_their_clinics_staff_or_themself_and_their_disclosures_listed_by_its_administrators()
    {
        var patient = new Patient { Id = Guid.NewGuid(), ClinicId = Own };
        PatientAccess.ManageConsent(As(Roles.Therapist, Own), patient).Granted.ShouldBeTrue();
        PatientAccess.ManageConsent(As(Roles.Patient, patient: patient.Id), patient).Granted.ShouldBeTrue();
        PatientAccess.ManageConsent(As(Roles.Therapist, Other), patient).ShouldBe(
            AccessDecision.Refuse(PatientAccess.Subject(patient), PatientAccess.MayNotManageConsent));
        PatientAccess.ManageConsent(As(Roles.Therapist, Own), null).ShouldBe(AccessDecision.NotFound);

        PatientAccess.ListDisclosures(As(Roles.ClinicAdmin, Own), patient).Granted.ShouldBeTrue();
        PatientAccess.ListDisclosures(As(Roles.Therapist, Own), patient).Reason.ShouldBe(PatientAccess.MayNotListDisclosures);
    }

    [Fact]
    public void an_insurer_lists_only_its_own_payers_outcome_histories()
    {
        OutcomeHistoryAccess.RefusePayer(As(Roles.Insurer, payer: "aetna"), "aetna").ShouldBeNull();
        OutcomeHistoryAccess.RefusePayer(As(Roles.Insurer, payer: "aetna"), "cigna").ShouldBe("An insurer for aetna asked for payer cigna.");
        OutcomeHistoryAccess.RefusePayer(As(Roles.Auditor, Own), "cigna").ShouldBeNull("staff lists are limited to their clinics instead");
    }

    private static (Episode, Patient) Covered(string payer)
    {
        var patient = new Patient { Id = Guid.NewGuid(), ClinicId = Own };
        return (new Episode { Id = Guid.NewGuid(), ClinicId = Own, PatientId = patient.Id, Coverage = new Coverage(payer, payer, "M-1") }, patient);
    }
}
