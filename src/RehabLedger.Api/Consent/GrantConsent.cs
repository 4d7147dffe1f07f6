using RehabLedger.Common;
using RehabLedger.Patients;
using Wolverine.Marten;

namespace RehabLedger.Consent;

/// <summary>
/// Carries no expected version: granting a payer's consent means the same whatever else happened to the patient's
/// stream since it was read (accesses are appended there too), and granting twice is refused anyway.
/// </summary>
public sealed record GrantConsent(Guid PatientId, string PayerId, ActorRef By) : IActorCommand;

public static class GrantConsentHandler
{
    [AggregateHandler]
    public static (UpdatedAggregate, Events) Handle(GrantConsent command, Patient? patient, TimeProvider clock) =>
        (new UpdatedAggregate(), [Decide(command, patient, clock.GetUtcNow())]);

    public static ConsentGranted Decide(GrantConsent command, Patient? patient, DateTimeOffset now)
    {
        if (patient is null) throw ClinicalRuleViolation.NotFound("patient", command.PatientId, "input.patientId");
        var payer = Validate.Required(command.PayerId, "input.payerId");
        if (patient.HasActiveConsent(payer))
            throw ClinicalRuleViolation.Conflict($"The patient's consent for payer '{payer}' is already active.");
        return new ConsentGranted(patient.Id, payer, command.By, now);
    }
}
