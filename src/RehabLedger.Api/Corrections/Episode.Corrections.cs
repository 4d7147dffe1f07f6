using JasperFx.Events;
using RehabLedger.Corrections;

namespace RehabLedger.Episodes;

// Corrections across the episode: every module keeps its entries as recorded, and the one set of corrections says
// which of them count (EnteredInErrorSet), for decisions and reads alike.
public sealed partial class Episode
{
    /// <summary>The entries of this episode marked entered in error.</summary>
    public EnteredInErrorSet EnteredInError { get; set; } = new();

    /// <summary>The kind of the entry with this id and whether it is already entered in error; null when unknown.</summary>
    public (EntryKind Kind, bool EnteredInError)? FindEntry(Guid entryId) =>
        KindOf(entryId) is { } kind ? (kind, EnteredInError.Contains(kind, entryId)) : null;

    private EntryKind? KindOf(Guid entryId) =>
        Assessments.Exists(a => a.Id == entryId) ? EntryKind.Assessment
        : Goals.Exists(g => g.Id == entryId) ? EntryKind.Goal
        : ProgressReports.Exists(r => r.Id == entryId) ? EntryKind.ProgressReport
        : ProgramChanges.Exists(c => c.ChangeId == entryId) ? EntryKind.ProgramChange
        : Certifications.Exists(c => c.Id == entryId) ? EntryKind.Certification
        : SessionIds.Contains(entryId) ? EntryKind.Session
        : HomeLogIds.Contains(entryId) ? EntryKind.HomeLog
        : null;

    /// <summary>
    /// What an id already names in this episode, in words ("assessment", "exercise"); null when it names nothing.
    /// Every new entry's id must name nothing yet (<see cref="EpisodeRules.NewEntryId"/>): one id, one entry of one
    /// kind, so a correction, the timeline and every read model agree on what an id means.
    /// </summary>
    public string? EntryNamedBy(Guid id) =>
        KindOf(id) is { } kind ? Describe(kind)
        : ExerciseIdUsed(id) ? "exercise"
        : null;

    public static string Describe(EntryKind kind) => kind switch
    {
        EntryKind.ProgressReport => "progress report",
        EntryKind.ProgramChange => "program change",
        EntryKind.HomeLog => "home log",
        _ => kind.ToString().ToLowerInvariant(),
    };

    /// <summary>The correction names its entry by kind, so an entry of another kind with the same id stays standing.</summary>
    public void Apply(IEvent<EntryEnteredInError> e) => EnteredInError.Apply(e);
}
