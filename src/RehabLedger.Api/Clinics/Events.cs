using RehabLedger.Common;

namespace RehabLedger.Clinics;

/// <summary>A clinic joins RehabLedger. Starts the clinic's stream.</summary>
public sealed record ClinicRegistered(Guid ClinicId, string Name, ActorRef By, DateTimeOffset EffectiveAt);

/// <summary>A therapist starts practising at a clinic. Starts the therapist's stream.</summary>
public sealed record TherapistRegistered(
    Guid TherapistId,
    Guid ClinicId,
    string DisplayName,
    string Profession,
    string? LicenseNumber,
    ActorRef By,
    DateTimeOffset EffectiveAt);
