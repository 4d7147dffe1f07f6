using RehabLedger.Common;
using RehabLedger.Patients;
using Wolverine.Marten;

namespace RehabLedger.Consent;

/// <summary>Carries no expected version, for the reason <see cref="GrantConsent"/> gives.</summary>
public sealed record RevokeConsent(Guid PatientId, string PayerId, string? Reason, ActorRef By) : IActorCommand;

public static class RevokeConsentHandler
{
    [AggregateHandler]
    public static (UpdatedAggregate, Events) Handle(RevokeConsent command, Patient? patient, TimeProvider clock) =>
        (new UpdatedAggregate(), [Decide(command, patient, clock.GetUtcNow())]);

    public static ConsentRevoked Decide(RevokeConsent command, Patient? patient, DateTimeOffset now)
    {
        if (patient is null) throw ClinicalRuleViolation.NotFound("patient", command.PatientId, "input.patientId");
        var payer = Validate.Required(command.PayerId, "input.payerId");
        if (!patient.HasActiveConsent(payer))
            throw ClinicalRuleViolation.Conflict($"The patient has no active consent for payer '{payer}' to revoke.");
        return new ConsentRevoked(patient.Id, payer, Validate.Optional(command.Reason, "input.reason", Validate.LongText), command.By, now);
    }
}
