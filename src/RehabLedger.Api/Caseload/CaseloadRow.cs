using RehabLedger.Corrections;
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

    /// <summary>
    /// Marks the entry of this kind and id as entered in error; true when one was found. By kind: a stream recorded
    /// before ids were unique across kinds may hold, say, an assessment and a session with one id.
    /// </summary>
    public bool MarkEnteredInError(Guid entryId, EntryKind kind)
    {
        var found = false;
        switch (kind)
        {
            case EntryKind.Session:
                foreach (var s in Sessions.Where(s => s.Id == entryId)) found = s.EnteredInError = true;
                break;
            case EntryKind.Assessment or EntryKind.ProgressReport:
                var facts = kind == EntryKind.Assessment ? Assessments : ProgressReports;
                foreach (var a in facts.Where(a => a.Id == entryId)) found = a.EnteredInError = true;
                break;
            case EntryKind.Certification:
                foreach (var c in Certifications.Where(c => c.Id == entryId)) found = c.EnteredInError = true;
                break;
        }
        return found;
    }
}
