using RehabLedger.Common;
using RehabLedger.Patients;
using Wolverine.Marten;

namespace RehabLedger.Consent;

/// <param name="ExpectedVersion">The patient stream's version the caller last saw; a stale one is refused with CONFLICT.</param>
public sealed record RevokeConsent(Guid PatientId, long ExpectedVersion, string PayerId, string? Reason, ActorRef By) : IActorCommand;

public static class RevokeConsentHandler
{
    [AggregateHandler]
    public static (UpdatedAggregate, Events) Handle(RevokeConsent command, Patient? patient, TimeProvider clock) =>
        (new UpdatedAggregate(), [Decide(command, patient, clock.GetUtcNow())]);

    public static ConsentRevoked Decide(RevokeConsent command, Patient? found, DateTimeOffset now)
    {
        var patient = ConsentRules.Current(found, command.PatientId, command.ExpectedVersion);
        var payer = Validate.Required(command.PayerId, "payerId");
        if (!patient.HasActiveConsent(payer))
            throw ClinicalRuleViolation.Conflict($"The patient has no active consent for payer '{payer}' to revoke.");
        return new ConsentRevoked(patient.Id, payer, Validate.Optional(command.Reason, "reason", Validate.LongText), command.By, now);
    }
}

/// <summary>Rules every consent change obeys.</summary>
public static class ConsentRules
{
    /// <summary>
    /// The patient exists and the caller saw the current version of their stream. Only the patient's own changes move
    /// that version (accesses are accounted for in streams of their own), so a stale version means the patient's
    /// record did change. Marten checks the version again when appending.
    /// </summary>
    public static Patient Current(Patient? patient, Guid patientId, long expectedVersion)
    {
        if (patient is null) throw ClinicalRuleViolation.NotFound("patient", patientId, "patientId");
        if (patient.Version != expectedVersion)
            throw ClinicalRuleViolation.Conflict(
                $"Patient {patientId} is at version {patient.Version}, not {expectedVersion}: read it again and retry with its current version.");
        return patient;
    }
}
