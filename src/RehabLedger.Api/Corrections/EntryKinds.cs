using RehabLedger.Episodes;
using RehabLedger.Goals;
using RehabLedger.PlanOfCare;
using RehabLedger.Programs;
using RehabLedger.Sessions;

namespace RehabLedger.Corrections;

/// <summary>Which kind of entry each episode event records or changes, as a correction names it.</summary>
public static class EntryKinds
{
    /// <summary>
    /// The kind of the entry <paramref name="event"/> is about (a goal's revisions and statuses are about the goal);
    /// null for events that are no entry of their own: opening, discharge, and a correction itself.
    /// </summary>
    public static EntryKind? Of(object @event) => @event switch
    {
        AssessmentRecorded => EntryKind.Assessment,
        GoalSet or GoalRevised or GoalStatusSet => EntryKind.Goal,
        ProgressReportIssued => EntryKind.ProgressReport,
        ExercisePrescribed or ExerciseDosageAdjusted or ExerciseSubstituted or ExerciseDiscontinued => EntryKind.ProgramChange,
        SessionRecorded => EntryKind.Session,
        HomeExerciseLogged => EntryKind.HomeLog,
        PlanOfCareCertified => EntryKind.Certification,
        _ => null,
    };
}
