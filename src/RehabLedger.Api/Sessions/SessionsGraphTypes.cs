using GraphQL;
using GraphQL.Types;
using RehabLedger.Programs;
using RehabLedger.GraphQL.Cost;

namespace RehabLedger.Sessions;

/// <summary>The therapist who ran a session, with the name as it read when the session was recorded.</summary>
[DoNotMapClrType]
public sealed class SessionTherapistType : ObjectGraphType<Session>
{
    public SessionTherapistType()
    {
        Name = "SessionTherapist";
        Description = "The therapist who ran a session, named as at the time the session was recorded.";
        Field("id", x => x.TherapistId);
        Field("displayName", x => x.TherapistName);
    }
}

public sealed class PerformedExerciseType : ObjectGraphType<SessionExercise>
{
    public PerformedExerciseType()
    {
        Name = "PerformedExercise";
        Description = "An exercise as performed in a session: the dosage actually achieved.";
        Field("exerciseId", x => x.Achieved.ExerciseId);
        Field(x => x.Name).Description("The exercise's name in the program.");
        Field("sets", x => x.Achieved.Sets).Description("Sets completed; 0 when the exercise was abandoned.");
        Field("repetitions", x => x.Achieved.Repetitions, nullable: true);
        Field("holdSeconds", x => x.Achieved.HoldSeconds, nullable: true);
        Field("load", x => x.Achieved.Load, nullable: true);
        Field("loadUnit", x => x.Achieved.LoadUnit, type: typeof(LoadUnitType));
        Field("band", x => x.Achieved.Band, type: typeof(ResistanceBandType));
        Field("durationMinutes", x => x.Achieved.DurationMinutes, nullable: true);
        Field("rpe", x => x.Achieved.Rpe, nullable: true).Description("Exertion for this exercise, 0-10.");
    }
}

public sealed class AdverseEventType : ObjectGraphType<AdverseEvent>
{
    public AdverseEventType()
    {
        Name = "AdverseEvent";
        Field(x => x.Description);
        Field(x => x.Severity);
        Field(x => x.ActionTaken);
    }
}

public sealed class SessionType : ObjectGraphType<Session>
{
    public SessionType()
    {
        Name = "Session";
        Description = "A clinic session: attended, cancelled or missed.";
        Field(x => x.Id);
        Field(x => x.Date).Description("When the session took place (or was due).");
        Field(x => x.Minutes).Description("Treatment minutes; 0 for a cancelled session or a no-show.");
        Field(x => x.Attendance);
        Field<NonNullGraphType<SessionTherapistType>>("therapist").Description("Who ran the session.").Resolve(c => c.Source);
        Field(x => x.Exercises, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<PerformedExerciseType>>>)).Costs(FieldCost.InMemory);
        Field(x => x.PainBefore, nullable: true).Description("NPRS 0-10 before the session.");
        Field(x => x.PainAfter, nullable: true).Description("NPRS 0-10 after the session.");
        Field(x => x.Rpe, nullable: true).Description("Session exertion, 0-10.");
        Field(x => x.AdverseEvents, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<AdverseEventType>>>)).Costs(FieldCost.InMemory);
        Field(x => x.Note, nullable: true).Description("The therapist's note.");
    }
}

public sealed class HomeLogType : ObjectGraphType<HomeLog>
{
    public HomeLogType()
    {
        Name = "HomeLog";
        Description = "One completion of a home-program exercise.";
        Field(x => x.Id);
        Field(x => x.Date);
        Field(x => x.ExerciseId);
        Field(x => x.ExerciseName).Description("The exercise's name in the program.");
        Field(x => x.Sets);
        Field(x => x.Repetitions, nullable: true);
        Field(x => x.Pain, nullable: true).Description("NPRS 0-10, as reported.");
        Field(x => x.ReportedBy);
        Field(x => x.Note, nullable: true);
    }
}
