using RehabLedger.Common;
using RehabLedger.Patients;
using Wolverine.Marten;

namespace RehabLedger.Consent;

/// <param name="ExpectedVersion">The patient stream's version the caller last saw; a stale one is refused with CONFLICT.</param>
public sealed record GrantConsent(Guid PatientId, long ExpectedVersion, string PayerId, ActorRef By) : IActorCommand;

public static class GrantConsentHandler
{
    [AggregateHandler]
    public static (UpdatedAggregate, Events) Handle(GrantConsent command, Patient? patient, TimeProvider clock) =>
        (new UpdatedAggregate(), [Decide(command, patient, clock.GetUtcNow())]);

    public static ConsentGranted Decide(GrantConsent command, Patient? found, DateTimeOffset now)
    {
        var patient = ConsentRules.Current(found, command.PatientId, command.ExpectedVersion);
        var payer = Validate.Required(command.PayerId, "payerId");
        if (patient.HasActiveConsent(payer))
            throw ClinicalRuleViolation.Conflict($"The patient's consent for payer '{payer}' is already active.");
        return new ConsentGranted(patient.Id, payer, command.By, now);
    }
}
