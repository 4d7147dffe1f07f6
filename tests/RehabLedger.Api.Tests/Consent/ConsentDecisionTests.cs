using RehabLedger.Common;
using RehabLedger.Consent;
using RehabLedger.Patients;

namespace RehabLedger.Tests.Consent;

public sealed class ConsentDecisionTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 18, 9, 0, 0, TimeSpan.Zero);
    private static readonly ActorRef Patient = new("maria", "patient", "Maria Alvarez");

    private static Patient Registered() => new() { Id = Guid.NewGuid(), ClinicId = Guid.NewGuid(), FamilyName = "Alvarez", GivenName = "Maria", Version = 1 };

    [Fact]
    public void a_grant_makes_the_consent_active_and_a_revocation_ends_it()
    {
        var patient = Registered();
        patient.Apply(GrantConsentHandler.Decide(new GrantConsent(patient.Id, 1, " aetna ", Patient), patient, Now));
        patient.HasActiveConsent("aetna").ShouldBeTrue();

        patient.Apply(RevokeConsentHandler.Decide(new RevokeConsent(patient.Id, 1, "aetna", "Moved", Patient), patient, Now.AddDays(1)));
        patient.HasActiveConsent("aetna").ShouldBeFalse();
        patient.Consents.Single().RevokedAt.ShouldBe(Now.AddDays(1));

        patient.Apply(GrantConsentHandler.Decide(new GrantConsent(patient.Id, 1, "aetna", Patient), patient, Now.AddDays(2)));
        patient.HasActiveConsent("aetna").ShouldBeTrue();
        patient.Consents.Count.ShouldBe(2, "the revoked grant stays in the record");
    }

    [Fact]
    public void an_unknown_patient_is_not_found()
    {
        var refusal = Should.Throw<ClinicalRuleViolation>(() => GrantConsentHandler.Decide(new GrantConsent(Guid.NewGuid(), 1, "aetna", Patient), null, Now));
        refusal.Code.ShouldBe(ErrorCodes.NotFound);
        refusal.Field.ShouldBe("patientId");
    }

    [Fact]
    public void an_oversized_revocation_reason_is_refused_not_cut()
    {
        var patient = Registered();
        patient.Apply(GrantConsentHandler.Decide(new GrantConsent(patient.Id, 1, "aetna", Patient), patient, Now));
        var refusal = Should.Throw<ClinicalRuleViolation>(() =>
            RevokeConsentHandler.Decide(new RevokeConsent(patient.Id, 1, "aetna", new string('x', Validate.LongText + 1), Patient), patient, Now));
        refusal.Field.ShouldBe("reason");
    }

    [Fact]
    public void a_stale_version_is_refused_with_conflict()
    {
        var patient = Registered();
        var grant = Should.Throw<ClinicalRuleViolation>(() => GrantConsentHandler.Decide(new GrantConsent(patient.Id, 0, "aetna", Patient), patient, Now));
        grant.Code.ShouldBe(ErrorCodes.Conflict);
        grant.Message.ShouldBe($"Patient {patient.Id} is at version 1, not 0: read it again and retry with its current version.");

        patient.Apply(GrantConsentHandler.Decide(new GrantConsent(patient.Id, 1, "aetna", Patient), patient, Now));
        patient.Version = 2; // as Marten sets it once the grant is appended
        Should.Throw<ClinicalRuleViolation>(() => RevokeConsentHandler.Decide(new RevokeConsent(patient.Id, 1, "aetna", null, Patient), patient, Now))
            .Code.ShouldBe(ErrorCodes.Conflict);
    }
}
