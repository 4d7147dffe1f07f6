namespace RehabLedger.Episodes;

// Corrections of assessments: the assessment stays in the record, flagged, and counts nowhere.
public sealed partial class Episode
{
    /// <summary>Marks an assessment entered in error; false when the id is not one of this episode's assessments.</summary>
    internal bool MarkAssessmentEnteredInError(Guid entryId)
    {
        var assessment = Assessments.FirstOrDefault(a => a.Id == entryId);
        if (assessment is null) return false;
        assessment.EnteredInError = true;
        return true;
    }
}
