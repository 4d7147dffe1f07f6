namespace RehabLedger.Clinics;

/// <summary>
/// A clinic. Projected inline as a snapshot of its stream so that commands naming a clinic can check it
/// exists in the same transaction, and the mutation returns it at once.
/// </summary>
public sealed class Clinic
{
    public Guid Id { get; set; }
    public long Version { get; set; }
    public string Name { get; set; } = "";
    public DateTimeOffset RegisteredAt { get; set; }

    public static Clinic Create(ClinicRegistered e) =>
        new() { Id = e.ClinicId, Name = e.Name, RegisteredAt = e.EffectiveAt };
}

/// <summary>A therapist, projected inline from the therapist's stream for the same reasons as <see cref="Clinic"/>.</summary>
public sealed class Therapist
{
    public Guid Id { get; set; }
    public long Version { get; set; }
    public Guid ClinicId { get; set; }
    public string DisplayName { get; set; } = "";
    public string Profession { get; set; } = "";
    public string? LicenseNumber { get; set; }

    public static Therapist Create(TherapistRegistered e) => new()
    {
        Id = e.TherapistId,
        ClinicId = e.ClinicId,
        DisplayName = e.DisplayName,
        Profession = e.Profession,
        LicenseNumber = e.LicenseNumber,
    };
}
