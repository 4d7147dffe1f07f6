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

    /// <summary>Called by a correction: flags the certification so it counts nowhere. False when the id is not one.</summary>
    internal bool MarkPlanOfCareEnteredInError(Guid entryId)
    {
        if (Certifications.Find(c => c.Id == entryId) is not { } certification) return false;
        certification.EnteredInError = true;
        return true;
    }
}
