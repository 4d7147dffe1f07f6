using System.Text.Json.Serialization;

namespace RehabLedger.PlanOfCare;

/// <summary>A certified plan-of-care period as the episode keeps it.</summary>
public sealed class Certification
{
    public Guid Id { get; set; }
    public DateOnly Start { get; set; }
    public DateOnly End { get; set; }
    public CertifyingPhysician Physician { get; set; } = new("", null);
    public string? Note { get; set; }

    /// <summary>Calendar days covered, both ends included. Derived, so not stored.</summary>
    [JsonIgnore]
    public int Days => CertificationPeriod.Days(Start, End);
}
