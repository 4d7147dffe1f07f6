using RehabLedger.Common;

namespace RehabLedger.Consent;

/// <summary>The patient agrees that a payer may receive the outcome histories of the episodes it covers. On the patient's stream.</summary>
public sealed record ConsentGranted(Guid PatientId, string PayerId, ActorRef By, DateTimeOffset EffectiveAt);

/// <summary>The patient withdraws a payer's consent; from this event on the payer is refused. On the patient's stream.</summary>
public sealed record ConsentRevoked(Guid PatientId, string PayerId, string? Reason, ActorRef By, DateTimeOffset EffectiveAt);
