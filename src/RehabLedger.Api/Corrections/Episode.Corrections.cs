using RehabLedger.Corrections;

namespace RehabLedger.Episodes;

// Corrections across the episode: every module keeps its entries flagged, never removed.
public sealed partial class Episode
{
    /// <summary>The kind of the entry with this id and whether it is already entered in error; null when unknown.</summary>
    public (EntryKind Kind, bool EnteredInError)? FindEntry(Guid entryId)
    {
        if (Assessments.Find(a => a.Id == entryId) is { } assessment) return (EntryKind.Assessment, assessment.EnteredInError);
        if (Goals.Find(g => g.Id == entryId) is { } goal) return (EntryKind.Goal, goal.EnteredInError);
        if (ProgressReports.Find(r => r.Id == entryId) is { } report) return (EntryKind.ProgressReport, report.EnteredInError);
        if (ProgramChanges.Find(c => c.ChangeId == entryId) is { } change) return (EntryKind.ProgramChange, change.EnteredInError);
        if (Certifications.Find(c => c.Id == entryId) is { } certification) return (EntryKind.Certification, certification.EnteredInError);
        if (FindSessionEntry(entryId) is { } entry) return entry;
        return null;
    }

    /// <summary>
    /// What an id already names in this episode, in words ("assessment", "exercise"); null when it names nothing.
    /// Every new entry's id must name nothing yet (<see cref="EpisodeRules.NewEntryId"/>): one id, one entry of one
    /// kind, so a correction, the timeline and every read model agree on what an id means.
    /// </summary>
    public string? EntryNamedBy(Guid id) =>
        FindEntry(id) is { } entry ? Describe(entry.Kind)
        : ExerciseIdUsed(id) ? "exercise"
        : null;

    public static string Describe(EntryKind kind) => kind switch
    {
        EntryKind.ProgressReport => "progress report",
        EntryKind.ProgramChange => "program change",
        EntryKind.HomeLog => "home log",
        _ => kind.ToString().ToLowerInvariant(),
    };

    /// <summary>
    /// Marks the entry of the kind the correction names: a stream recorded before ids were unique across kinds may
    /// hold an assessment and a session with one id, and correcting one must leave the other standing.
    /// </summary>
    public void Apply(EntryEnteredInError e)
    {
        var _ = e.Kind switch
        {
            EntryKind.Assessment => MarkAssessmentEnteredInError(e.EntryId),
            EntryKind.Goal or EntryKind.ProgressReport => MarkGoalsEnteredInError(e.EntryId),
            EntryKind.ProgramChange => MarkProgramChangeEnteredInError(e.EntryId),
            EntryKind.Certification => MarkPlanOfCareEnteredInError(e.EntryId),
            EntryKind.Session or EntryKind.HomeLog => MarkSessionsEnteredInError(e.EntryId),
            _ => false,
        };
    }

    private bool MarkProgramChangeEnteredInError(Guid entryId)
    {
        var index = ProgramChanges.FindIndex(c => c.ChangeId == entryId);
        if (index < 0) return false;
        ProgramChanges[index] = ProgramChanges[index] with { EnteredInError = true };
        return true;
    }
}
