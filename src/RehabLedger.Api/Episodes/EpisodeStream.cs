using RehabLedger.Corrections;
using RehabLedger.Goals;
using RehabLedger.PlanOfCare;
using RehabLedger.Programs;
using RehabLedger.Sessions;

namespace RehabLedger.Episodes;

/// <summary>
/// The one list of the event types written to an episode's stream. Projections over the whole episode (the
/// timeline) take their allow-list from here, and a test fails when an episode event is missing, so a module
/// adding an event adds it here and every such view learns of it.
/// </summary>
public static class EpisodeStream
{
    public static readonly IReadOnlyList<Type> EventTypes =
    [
        typeof(EpisodeOpened),
        typeof(AssessmentRecorded),
        typeof(EpisodeDischarged),
        typeof(ExercisePrescribed),
        typeof(ExerciseDosageAdjusted),
        typeof(ExerciseSubstituted),
        typeof(ExerciseDiscontinued),
        typeof(GoalSet),
        typeof(GoalRevised),
        typeof(GoalStatusSet),
        typeof(ProgressReportIssued),
        typeof(SessionRecorded),
        typeof(HomeExerciseLogged),
        typeof(PlanOfCareCertified),
        typeof(EntryEnteredInError),
    ];
}
