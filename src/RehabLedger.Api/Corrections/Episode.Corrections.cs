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

    public void Apply(EntryEnteredInError e)
    {
        var _ = MarkAssessmentEnteredInError(e.EntryId)
                || MarkGoalsEnteredInError(e.EntryId)
                || MarkProgramChangeEnteredInError(e.EntryId)
                || MarkPlanOfCareEnteredInError(e.EntryId)
                || MarkSessionsEnteredInError(e.EntryId);
    }

    private bool MarkProgramChangeEnteredInError(Guid entryId)
    {
        var index = ProgramChanges.FindIndex(c => c.ChangeId == entryId);
        if (index < 0) return false;
        ProgramChanges[index] = ProgramChanges[index] with { EnteredInError = true };
        return true;
    }
}
