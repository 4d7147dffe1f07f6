using System.Text.Json;
using GraphQL;
using GraphQL.Types;
using GraphQLParser.AST;
using RehabLedger.Episodes;
using RehabLedger.Programs;
using RehabLedger.GraphQL;
using RehabLedger.GraphQL.Cost;

namespace RehabLedger.Audit;

/// <summary>
/// Any JSON value, written into the response as it is: an event body arrives as an object the client reads like
/// the rest of the response, not as a string to parse again. Output only.
/// </summary>
public sealed class JsonGraphType : ScalarGraphType
{
    public JsonGraphType()
    {
        Name = "JSON";
        Description = "A JSON value, written as is. Used for event bodies; never accepted as input.";
    }

    public override object? Serialize(object? value) => value is JsonElement or null
        ? value
        : throw new InvalidOperationException($"JSON serializes JsonElement values, not {value.GetType().Name}.");

    public override object? ParseValue(object? value) => ThrowValueConversionError(value);

    public override object? ParseLiteral(GraphQLValue value) => ThrowLiteralConversionError(value);
}

public sealed class LedgerEventType : DerivedObjectType<LedgerEvent>;

public sealed class ProgramHistoryKindType : EnumerationGraphType<ProgramHistoryKind>;

public sealed class CorrectionRefType : ObjectGraphType<CorrectionRef>
{
    public CorrectionRefType()
    {
        Name = "CorrectionRef";
        Description = "The later correction that marked a change as entered in error.";
        Field(x => x.ChangeId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The correction's own entry in the history.");
        Field(x => x.Reason);
        Field(x => x.RecordedAt);
        Field(x => x.By, type: typeof(NonNullGraphType<ActorType>));
    }
}

public sealed class ProgramHistoryEntryType : ObjectGraphType<ProgramHistoryEntry>
{
    public ProgramHistoryEntryType()
    {
        Name = "ProgramHistoryEntry";
        Description = "One change to an exercise program, or the correction of one.";
        Field(x => x.ChangeId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(x => x.Kind, type: typeof(NonNullGraphType<ProgramHistoryKindType>));
        Field(x => x.ExerciseId, type: typeof(NonNullGraphType<IdGraphType>)).Description("For a substitution the replaced exercise; for a correction the corrected change's.");
        Field(x => x.ExerciseName);
        Field(x => x.Changes, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<DerivedObjectType<FieldChange>>>>)).Costs(FieldCost.InMemory)
            .Description("Field by field: a prescription's dosage from none, an adjustment's differences, a substitution's exercise, a correction's target.");
        Field(x => x.Actor, type: typeof(NonNullGraphType<ActorType>)).Description("Who made the change, as the event records it.");
        Field(x => x.RecordedAt).Description("When the record learned it: the store's timestamp.");
        Field(x => x.EffectiveOn).Description("When it took effect clinically; for a correction, the day it was made.");
        Field(x => x.Reason, nullable: true);
        Field(x => x.Version).Description("The episode stream version that recorded it.");
        Field(x => x.CorrelationId, nullable: true).Description("The request that recorded it.");
        Field(x => x.Corrects, type: typeof(DerivedObjectType<CorrectedChange>)).Description("For a correction, the change it marked as entered in error.");
        Field(x => x.CorrectedBy, type: typeof(CorrectionRefType)).Description("Set when a later correction marked this change as entered in error.");
    }
}

public sealed class ProgramAsOfType : ObjectGraphType<ProgramAsOf>
{
    public ProgramAsOfType()
    {
        Name = "ProgramAsOf";
        Description = "The exercise program as it stood at a recorded instant, a stream version or an effective date.";
        Field(x => x.EpisodeId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(x => x.RecordedAt, nullable: true).Description("The instant asked for, when asked by recorded time.");
        Field(x => x.EffectiveOn, nullable: true).Description("The day asked for, when asked by effective date.");
        Field(x => x.Version)
            .Description("The stream version whose record answers: the one asked for, the last recorded at or before recordedAt, or the current one for effectiveOn.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ProgramExerciseType>>>>("exercises").Costs(FieldCost.InMemory)
            .Description("The exercises active then; with includeEnded, those discontinued or substituted by then too.")
            .Argument<BooleanGraphType>("includeEnded", a => a.DefaultValue = false)
            .Resolve(c => c.GetArgument<bool>("includeEnded")
                ? c.Source.Exercises
                : c.Source.Exercises.Where(x => x.Status == ExerciseStatus.Active).ToList());
    }
}

public sealed class AuditFilterInputType : InputObjectGraphType<AuditFilter>
{
    public AuditFilterInputType()
    {
        Name = "AuditFilter";
        Description = "Every filter given must hold.";
        Field(x => x.ActorId, nullable: true).Description("The actor's id (the events' user name).");
        Field(x => x.PatientId, type: typeof(IdGraphType)).Description("The patient's own stream and the streams of all their episodes.");
        Field(x => x.EpisodeId, type: typeof(IdGraphType)).Description("One episode's stream.");
        Field(x => x.EventTypes, type: typeof(ListGraphType<NonNullGraphType<StringGraphType>>)).Costs(FieldCost.InMemory)
            .Description("Event types in snake case, as LedgerEvent.type spells them: exercise_prescribed.");
        Field(x => x.From, nullable: true).Description("Recorded at or after this instant.");
        Field(x => x.To, nullable: true).Description("Recorded before this instant.");
    }
}
