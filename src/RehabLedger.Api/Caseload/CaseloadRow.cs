using RehabLedger.Episodes;
using RehabLedger.PlanOfCare;

namespace RehabLedger.Caseload;

/// <summary>A session as the caseload needs it.</summary>
public sealed record SessionFact(Guid Id, DateOnly Date, bool Attended, int? PainBefore, bool HadAdverseEvent)
{
    public bool EnteredInError { get; set; }
}

/// <summary>A dated entry (assessment, progress report) as the caseload needs it.</summary>
public sealed record DatedFact(Guid Id, DateOnly Date)
{
    public bool EnteredInError { get; set; }
}

/// <summary>
/// One episode on a clinic's dashboard: who, where, and the dated facts its flags are computed from. Flags depend on
/// "today", so they are computed when read (see <see cref="CaseloadFlags"/>), never stored.
/// </summary>
public sealed class CaseloadRow
{
    public Guid Id { get; set; }
    public Guid ClinicId { get; set; }
    public Guid TherapistId { get; set; }
    public Guid PatientId { get; set; }
    public string Condition { get; set; } = "";
    public EpisodeStatus Status { get; set; }
    public DateOnly StartedOn { get; set; }
    public List<SessionFact> Sessions { get; set; } = [];
    public List<DatedFact> Assessments { get; set; } = [];
    public List<DatedFact> ProgressReports { get; set; } = [];
    public List<Certification> Certifications { get; set; } = [];

    /// <summary>Marks the entry with this id as entered in error, wherever it is; true when one was found.</summary>
    public bool MarkEnteredInError(Guid entryId)
    {
        var found = false;
        foreach (var s in Sessions.Where(s => s.Id == entryId)) found = s.EnteredInError = true;
        foreach (var a in Assessments.Concat(ProgressReports).Where(a => a.Id == entryId)) found = a.EnteredInError = true;
        foreach (var c in Certifications.Where(c => c.Id == entryId)) found = c.EnteredInError = true;
        return found;
    }
}
