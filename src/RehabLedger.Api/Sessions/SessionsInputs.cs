using System.ComponentModel;
using RehabLedger.Common;
using RehabLedger.GraphQL;
using RehabLedger.Programs;

namespace RehabLedger.Sessions;

// The API's own records: derived into input types (GraphQL/DerivedTypes.cs), kept apart from the stored events so
// either can change without the other.

[Description("A clinic session to record: attended, cancelled or a no-show.")]
public sealed record RecordSessionInput(
    [property: Description(Describe.Episode)] Guid EpisodeId,
    [property: Description(Describe.ExpectedEpisodeVersion)] long ExpectedVersion,
    [property: Description(Describe.ClientId + "recording twice.")] Guid? Id,
    [property: Description("Within the episode, not in the future.")] DateOnly Date,
    [property: Description("Whether the patient came, or the session was cancelled or missed.")] Attendance Attendance,
    [property: Description("1-480 for an attended session; absent or 0 otherwise.")] int? Minutes,
    [property: Description("Who ran it: a therapist of the episode's clinic; the episode's therapist when not given.")] Guid? TherapistId,
    [property: Description("Attended sessions only.")] IReadOnlyList<PerformedExerciseInput>? Exercises,
    [property: Description("NPRS 0-10; attended sessions only.")] int? PainBefore,
    [property: Description("NPRS 0-10; attended sessions only.")] int? PainAfter,
    [property: Description("Session exertion 0-10; attended sessions only.")] int? Rpe,
    [property: Description("Attended sessions only.")] IReadOnlyList<AdverseEventInput>? AdverseEvents,
    [property: Description("The therapist's note, at most 4,000 characters.")] string? Note)
{
    public RecordSession ToCommand(ActorRef by) => new(EpisodeId, ExpectedVersion, RequestContext.NewId(Id), Date, Attendance, Minutes,
        TherapistId, Exercises?.Select(e => e.ToValue()).ToList() ?? [], PainBefore, PainAfter, Rpe,
        AdverseEvents?.Select(a => a.ToValue()).ToList() ?? [], Note, by);
}

[Description("The dosage actually achieved. Values may be 0 (an abandoned set) up to the prescription limits.")]
public sealed record PerformedExerciseInput(
    [property: Description("An exercise of the program on the session date.")] Guid ExerciseId,
    [property: Description("Sets completed; 0 when the exercise was abandoned.")] int Sets,
    [property: Description("Repetitions in each set.")] int? Repetitions,
    [property: Description("Seconds each repetition was held.")] int? HoldSeconds,
    [property: Description("With loadUnit; or give a band instead.")] decimal? Load,
    [property: Description("The unit of load.")] LoadUnit? LoadUnit,
    [property: Description("The resistance band used, instead of a load.")] ResistanceBand? Band,
    [property: Description("Minutes, for a timed exercise.")] int? DurationMinutes,
    [property: Description("Exertion for this exercise, 0-10.")] int? Rpe)
{
    public PerformedExercise ToValue() => new(ExerciseId, Sets, Repetitions, HoldSeconds, Load, LoadUnit, Band, DurationMinutes, Rpe);
}

[Description("Something untoward during a session.")]
public sealed record AdverseEventInput(
    [property: Description("What happened.")] string Description,
    [property: Description("How serious it was.")] AdverseEventSeverity Severity,
    [property: Description("What the therapist did about it.")] string ActionTaken)
{
    public AdverseEvent ToValue() => new(Description, Severity, ActionTaken);
}

[Description("One completion of a home-program exercise to log.")]
public sealed record LogHomeExerciseInput(
    [property: Description(Describe.Episode)] Guid EpisodeId,
    [property: Description(Describe.ExpectedEpisodeVersion)] long ExpectedVersion,
    [property: Description(Describe.ClientId + "logging twice.")] Guid? Id,
    [property: Description("Within the episode, not in the future.")] DateOnly Date,
    [property: Description("A home-program exercise active on that date.")] Guid ExerciseId,
    [property: Description("Sets done, 1-20.")] int Sets,
    [property: Description("Repetitions done, 0-500.")] int? Repetitions,
    [property: Description("NPRS 0-10.")] int? Pain,
    [property: Description("Who reports it: a patient logs as PATIENT.")] HomeLogReporter ReportedBy,
    [property: Description("At most 200 characters.")] string? Note)
{
    public LogHomeExercise ToCommand(ActorRef by) =>
        new(EpisodeId, ExpectedVersion, RequestContext.NewId(Id), Date, ExerciseId, Sets, Repetitions, Pain, ReportedBy, Note, by);
}
