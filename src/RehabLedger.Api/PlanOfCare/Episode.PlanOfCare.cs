using System.Text.Json.Serialization;
using RehabLedger.Corrections;
using RehabLedger.PlanOfCare;

namespace RehabLedger.Episodes;

// The plan-of-care part of the episode aggregate: its certifications.
public sealed partial class Episode
{
    /// <summary>Every certification in recording order, including those later entered in error.</summary>
    public List<Certification> Certifications { get; set; } = [];

    public void Apply(PlanOfCareCertified e) => Certifications.Add(new Certification
    {
        Id = e.CertificationId,
        Start = e.EffectiveOn,
        End = e.EndsOn,
        Physician = e.Physician,
        Note = e.Note,
    });

    /// <summary>The certifications that count: those not entered in error, in recording order.</summary>
    [JsonIgnore]
    public IEnumerable<Certification> StandingCertifications => EnteredInError.Standing(Certifications, EntryKind.Certification, c => c.Id);
}
