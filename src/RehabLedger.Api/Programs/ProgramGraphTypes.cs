using GraphQL;
using GraphQL.Types;
using RehabLedger.Episodes;
using RehabLedger.GraphQL.Cost;

namespace RehabLedger.Programs;

public sealed class ExerciseCategoryType : EnumerationGraphType<ExerciseCategory>;

public sealed class ExerciseSettingType : EnumerationGraphType<ExerciseSetting>;

public sealed class LoadUnitType : EnumerationGraphType<LoadUnit>;

public sealed class ResistanceBandType : EnumerationGraphType<ResistanceBand>;

public sealed class AdjustmentKindType : EnumerationGraphType<AdjustmentKind>;

public sealed class ProgramChangeKindType : EnumerationGraphType<ProgramChangeKind>;

public sealed class ExerciseStatusType : EnumerationGraphType<ExerciseStatus>;

public sealed class DosageType : ObjectGraphType<Dosage>
{
    public DosageType()
    {
        Name = "Dosage";
        Field(x => x.Sets);
        Field(x => x.Repetitions, nullable: true);
        Field(x => x.HoldSeconds, nullable: true);
        Field(x => x.Load, nullable: true);
        Field(x => x.LoadUnit, type: typeof(LoadUnitType));
        Field(x => x.Band, type: typeof(ResistanceBandType));
        Field(x => x.DurationMinutes, nullable: true);
        Field(x => x.FrequencyPerWeek).Description("Sessions per week.");
        Field(x => x.TargetRpe, nullable: true).Description("Target exertion on the 0-10 category-ratio scale.");
        Field(x => x.Setting, type: typeof(NonNullGraphType<ExerciseSettingType>));
    }
}

public sealed class DosageChangeType : ObjectGraphType<DosageChange>
{
    public DosageChangeType()
    {
        Name = "DosageChange";
        Field(x => x.Parameter);
        Field(x => x.From, nullable: true);
        Field(x => x.To, nullable: true);
    }
}

public sealed class ProgramChangeType : ObjectGraphType<ProgramChange>
{
    public ProgramChangeType()
    {
        Name = "ProgramChange";
        Field(x => x.ChangeId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(x => x.Kind, type: typeof(NonNullGraphType<ProgramChangeKindType>));
        Field(x => x.EffectiveOn).Description("When the change took effect clinically.");
        Field(x => x.RecordedVersion).Description("The episode stream version that recorded the change.");
        Field(x => x.Reason, nullable: true);
        Field(x => x.By, type: typeof(NonNullGraphType<ActorType>));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<DosageChangeType>>>>("dosageChanges").Costs(FieldCost.InMemory)
            .Description("For an adjustment, each parameter that changed, from and to.")
            .Resolve(c => c.Source.PreviousDosage is null ? [] : DosageRules.Differences(c.Source.PreviousDosage, c.Source.Dosage!));
    }
}

public sealed class ProgramExerciseType : ObjectGraphType<ProgramExercise>
{
    public ProgramExerciseType()
    {
        Name = "ProgramExercise";
        Field(x => x.Id, type: typeof(NonNullGraphType<IdGraphType>));
        Field(x => x.Name);
        Field(x => x.CatalogCode, nullable: true);
        Field(x => x.Category, type: typeof(NonNullGraphType<ExerciseCategoryType>));
        Field(x => x.Dosage, type: typeof(NonNullGraphType<DosageType>)).Description("The dosage in force now.");
        Field(x => x.Instructions, nullable: true);
        Field(x => x.Precautions, nullable: true);
        Field(x => x.Status, type: typeof(NonNullGraphType<ExerciseStatusType>));
        Field(x => x.PrescribedOn);
        Field(x => x.DosageSince).Description("Since when the current dosage applies.");
        Field(x => x.EndedOn, nullable: true);
        Field(x => x.ReplacesExerciseId, type: typeof(IdGraphType));
        Field(x => x.ReplacedByExerciseId, type: typeof(IdGraphType));
        Field(x => x.LastChange, type: typeof(NonNullGraphType<ProgramChangeType>)).Description("Who prescribed or last changed it, when and why.");
    }
}

public sealed class CurrentProgramType : ObjectGraphType<CurrentProgram>
{
    public CurrentProgramType()
    {
        Name = "CurrentProgram";
        Field(x => x.ProgramVersion).Description("Counts the program changes recorded so far.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ProgramExerciseType>>>>("exercises").Costs(FieldCost.InMemory)
            .Description("The active exercises; with includeEnded, discontinued and substituted ones too.")
            .Argument<BooleanGraphType>("includeEnded", a => a.DefaultValue = false)
            .Resolve(c => c.GetArgument<bool>("includeEnded")
                ? c.Source.Exercises
                : c.Source.Exercises.Where(x => x.Status == ExerciseStatus.Active).ToList());
    }
}
