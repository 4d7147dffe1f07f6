using System.ComponentModel;

namespace RehabLedger.Clinics;

/// <summary>
/// A clinic. Projected inline as a snapshot of its stream so that commands naming a clinic can check it
/// exists in the same transaction, and the mutation returns it at once.
/// </summary>
[Description("A clinic.")]
public sealed class Clinic
{
    [Description("The clinic's id.")]
    public Guid Id { get; set; }

    [Description("The clinic stream's version.")]
    public long Version { get; set; }

    [Description("The clinic's name.")]
    public string Name { get; set; } = "";

    [Description("When the clinic was registered.")]
    public DateTimeOffset RegisteredAt { get; set; }

    public static Clinic Create(ClinicRegistered e) =>
        new() { Id = e.ClinicId, Name = e.Name, RegisteredAt = e.EffectiveAt };
}

/// <summary>A therapist, projected inline from the therapist's stream for the same reasons as <see cref="Clinic"/>.</summary>
[Description("A therapist of a clinic.")]
public sealed class Therapist
{
    [Description("The therapist's id.")]
    public Guid Id { get; set; }

    [Description("The therapist stream's version.")]
    public long Version { get; set; }

    [Description("The therapist's clinic.")]
    public Guid ClinicId { get; set; }

    [Description("The therapist's name as records show it.")]
    public string DisplayName { get; set; } = "";

    [Description("For example PT (physical therapist) or PTA (physical therapist assistant).")]
    public string Profession { get; set; } = "";

    [Description("The therapist's licence number, when known.")]
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
