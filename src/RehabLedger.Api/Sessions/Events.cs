using RehabLedger.Common;
using RehabLedger.Programs;

namespace RehabLedger.Sessions;

// Session and home-program events live on the episode's stream; each carries its own entry id so a later
// correction can mark it entered in error.

public enum Attendance
{
    Attended,
    Cancelled,
    NoShow,
}

public enum AdverseEventSeverity
{
    Mild,
    Moderate,
    Severe,
}

public enum HomeLogReporter
{
    Patient,
    Therapist,
}

/// <summary>
/// One exercise as it was actually performed in a session: the achieved dosage, which may fall short of the
/// prescription (0 sets records an exercise attempted and abandoned).
/// </summary>
public sealed record PerformedExercise(
    Guid ExerciseId,
    int Sets,
    int? Repetitions = null,
    int? HoldSeconds = null,
    decimal? Load = null,
    LoadUnit? LoadUnit = null,
    ResistanceBand? Band = null,
    int? DurationMinutes = null,
    int? Rpe = null);

/// <summary>Something untoward during a session, how serious it was and what the therapist did about it.</summary>
public sealed record AdverseEvent(string Description, AdverseEventSeverity Severity, string ActionTaken);

/// <summary>
/// A clinic session took place, or was cancelled, or the patient did not come. Only an attended session has
/// minutes, exercises, pain, exertion and adverse events. The therapist's name is kept as it read at recording.
/// </summary>
public sealed record SessionRecorded(
    Guid EpisodeId,
    Guid SessionId,
    DateOnly Date,
    Attendance Attendance,
    int Minutes,
    Guid TherapistId,
    string TherapistName,
    IReadOnlyList<PerformedExercise> Exercises,
    int? PainBefore,
    int? PainAfter,
    int? Rpe,
    IReadOnlyList<AdverseEvent> AdverseEvents,
    string? Note,
    ActorRef By);

/// <summary>The patient did a home-program exercise on a day, as reported by the patient or by a therapist.</summary>
public sealed record HomeExerciseLogged(
    Guid EpisodeId,
    Guid LogId,
    DateOnly Date,
    Guid ExerciseId,
    int Sets,
    int? Repetitions,
    int? Pain,
    HomeLogReporter ReportedBy,
    string? Note,
    ActorRef By);
