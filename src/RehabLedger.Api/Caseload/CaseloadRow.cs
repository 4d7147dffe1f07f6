using System.Text.Json.Serialization;
using RehabLedger.Corrections;
using RehabLedger.Episodes;
using RehabLedger.PlanOfCare;

namespace RehabLedger.Caseload;

/// <summary>A session as the caseload needs it.</summary>
public sealed record SessionFact(Guid Id, DateOnly Date, bool Attended, int? PainBefore, bool HadAdverseEvent);

/// <summary>A dated entry (assessment, progress report) as the caseload needs it.</summary>
public sealed record DatedFact(Guid Id, DateOnly Date);

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

    /// <summary>The entries a correction marked, as the episode keeps them: the facts above stay, and count nowhere.</summary>
    public EnteredInErrorSet EnteredInError { get; set; } = new();

    [JsonIgnore]
    public IEnumerable<SessionFact> StandingSessions => EnteredInError.Standing(Sessions, EntryKind.Session, s => s.Id);

    [JsonIgnore]
    public IEnumerable<DatedFact> StandingAssessments => EnteredInError.Standing(Assessments, EntryKind.Assessment, a => a.Id);

    [JsonIgnore]
    public IEnumerable<DatedFact> StandingProgressReports => EnteredInError.Standing(ProgressReports, EntryKind.ProgressReport, r => r.Id);

    [JsonIgnore]
    public IEnumerable<Certification> StandingCertifications => EnteredInError.Standing(Certifications, EntryKind.Certification, c => c.Id);
}
