using GraphQL.Types;
using RehabLedger.Programs;

namespace RehabLedger.Sessions;

public sealed class PerformedExerciseInputType : InputObjectGraphType<PerformedExercise>
{
    public PerformedExerciseInputType()
    {
        Name = "PerformedExerciseInput";
        Description = "The dosage actually achieved. Values may be 0 (an abandoned set) up to the prescription limits.";
        Field(x => x.ExerciseId, type: typeof(NonNullGraphType<IdGraphType>)).Description("An exercise of the program on the session date.");
        Field(x => x.Sets);
        Field(x => x.Repetitions, nullable: true);
        Field(x => x.HoldSeconds, nullable: true);
        Field(x => x.Load, nullable: true).Description("With loadUnit; or give a band instead.");
        Field(x => x.LoadUnit, type: typeof(LoadUnitType));
        Field(x => x.Band, type: typeof(ResistanceBandType));
        Field(x => x.DurationMinutes, nullable: true);
        Field(x => x.Rpe, nullable: true).Description("Exertion for this exercise, 0-10.");
    }
}

public sealed class AdverseEventInputType : InputObjectGraphType<AdverseEvent>
{
    public AdverseEventInputType()
    {
        Name = "AdverseEventInput";
        Field(x => x.Description);
        Field(x => x.Severity, type: typeof(NonNullGraphType<AdverseEventSeverityType>));
        Field(x => x.ActionTaken);
    }
}

public sealed class RecordSessionInput
{
    public Guid EpisodeId { get; set; }
    public long ExpectedVersion { get; set; }
    public Guid? Id { get; set; }
    public DateOnly Date { get; set; }
    public Attendance Attendance { get; set; }
    public int? Minutes { get; set; }
    public Guid? TherapistId { get; set; }
    public List<PerformedExercise>? Exercises { get; set; }
    public int? PainBefore { get; set; }
    public int? PainAfter { get; set; }
    public int? Rpe { get; set; }
    public List<AdverseEvent>? AdverseEvents { get; set; }
    public string? Note { get; set; }
}

public sealed class RecordSessionInputType : InputObjectGraphType<RecordSessionInput>
{
    public RecordSessionInputType()
    {
        Name = "RecordSessionInput";
        Field(x => x.EpisodeId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(x => x.ExpectedVersion).Description("The episode version you last read; a stale one is refused with CONFLICT.");
        Field(x => x.Id, type: typeof(IdGraphType))
            .Description("Optional client-chosen id; a retry with the same id is refused with CONFLICT instead of recording twice.");
        Field(x => x.Date).Description("Within the episode, not in the future.");
        Field(x => x.Attendance, type: typeof(NonNullGraphType<AttendanceType>));
        Field(x => x.Minutes, nullable: true).Description("1-480 for an attended session; absent or 0 otherwise.");
        Field(x => x.TherapistId, type: typeof(IdGraphType)).Description("Who ran it: a therapist of the episode's clinic; the episode's therapist when not given.");
        Field(x => x.Exercises, type: typeof(ListGraphType<NonNullGraphType<PerformedExerciseInputType>>)).Description("Attended sessions only.");
        Field(x => x.PainBefore, nullable: true).Description("NPRS 0-10; attended sessions only.");
        Field(x => x.PainAfter, nullable: true).Description("NPRS 0-10; attended sessions only.");
        Field(x => x.Rpe, nullable: true).Description("Session exertion 0-10; attended sessions only.");
        Field(x => x.AdverseEvents, type: typeof(ListGraphType<NonNullGraphType<AdverseEventInputType>>)).Description("Attended sessions only.");
        Field(x => x.Note, nullable: true).Description("The therapist's note, at most 4,000 characters.");
    }
}

public sealed class LogHomeExerciseInput
{
    public Guid EpisodeId { get; set; }
    public long ExpectedVersion { get; set; }
    public Guid? Id { get; set; }
    public DateOnly Date { get; set; }
    public Guid ExerciseId { get; set; }
    public int Sets { get; set; }
    public int? Repetitions { get; set; }
    public int? Pain { get; set; }
    public HomeLogReporter ReportedBy { get; set; }
    public string? Note { get; set; }
}

public sealed class LogHomeExerciseInputType : InputObjectGraphType<LogHomeExerciseInput>
{
    public LogHomeExerciseInputType()
    {
        Name = "LogHomeExerciseInput";
        Field(x => x.EpisodeId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(x => x.ExpectedVersion).Description("The episode version you last read; a stale one is refused with CONFLICT.");
        Field(x => x.Id, type: typeof(IdGraphType))
            .Description("Optional client-chosen id; a retry with the same id is refused with CONFLICT instead of logging twice.");
        Field(x => x.Date).Description("Within the episode, not in the future.");
        Field(x => x.ExerciseId, type: typeof(NonNullGraphType<IdGraphType>)).Description("A home-program exercise active on that date.");
        Field(x => x.Sets).Description("Sets done, 1-20.");
        Field(x => x.Repetitions, nullable: true).Description("Repetitions done, 0-500.");
        Field(x => x.Pain, nullable: true).Description("NPRS 0-10.");
        Field(x => x.ReportedBy, type: typeof(NonNullGraphType<HomeLogReporterType>));
        Field(x => x.Note, nullable: true).Description("At most 200 characters.");
    }
}
