using GraphQL.Types;

namespace RehabLedger.Programs;

public sealed class DosageInputType : InputObjectGraphType<Dosage>
{
    public DosageInputType()
    {
        Name = "DosageInput";
        Description = "Limits: sets 1-20, repetitions 1-500, hold 1-600 s, load up to 300 kg / 660 lb (or a band), " +
                      "duration 1-240 min, 1-21 times a week, target RPE 0-10; repetitions, hold or duration required.";
        Field(x => x.Sets);
        Field(x => x.Repetitions, nullable: true);
        Field(x => x.HoldSeconds, nullable: true);
        Field(x => x.Load, nullable: true);
        Field(x => x.LoadUnit, type: typeof(LoadUnitType));
        Field(x => x.Band, type: typeof(ResistanceBandType));
        Field(x => x.DurationMinutes, nullable: true);
        Field(x => x.FrequencyPerWeek);
        Field(x => x.TargetRpe, nullable: true);
        Field(x => x.Setting, type: typeof(NonNullGraphType<ExerciseSettingType>));
    }
}

public sealed class ExerciseInput
{
    public Guid? Id { get; set; }
    public string Name { get; set; } = "";
    public string? CatalogCode { get; set; }
    public ExerciseCategory Category { get; set; }
    public Dosage Dosage { get; set; } = null!;
    public string? Instructions { get; set; }
    public string? Precautions { get; set; }
}

public sealed class ExerciseInputType : InputObjectGraphType<ExerciseInput>
{
    public ExerciseInputType()
    {
        Name = "ExerciseInput";
        Field(x => x.Id, type: typeof(IdGraphType)).Description("Optional client-chosen exercise id; never reused within an episode.");
        Field(x => x.Name);
        Field(x => x.CatalogCode, nullable: true);
        Field(x => x.Category, type: typeof(NonNullGraphType<ExerciseCategoryType>));
        Field(x => x.Dosage, type: typeof(NonNullGraphType<DosageInputType>));
        Field(x => x.Instructions, nullable: true);
        Field(x => x.Precautions, nullable: true);
    }
}

public sealed class PrescribeExerciseInput
{
    public Guid EpisodeId { get; set; }
    public long ExpectedVersion { get; set; }
    public ExerciseInput Exercise { get; set; } = null!;
    public string? Reason { get; set; }
    public DateOnly EffectiveOn { get; set; }
}

public sealed class PrescribeExerciseInputType : InputObjectGraphType<PrescribeExerciseInput>
{
    public PrescribeExerciseInputType()
    {
        Name = "PrescribeExerciseInput";
        Field(x => x.EpisodeId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(x => x.ExpectedVersion);
        Field(x => x.Exercise, type: typeof(NonNullGraphType<ExerciseInputType>));
        Field(x => x.Reason, nullable: true);
        Field(x => x.EffectiveOn);
    }
}

public sealed class AdjustDosageInput
{
    public Guid EpisodeId { get; set; }
    public long ExpectedVersion { get; set; }
    public Guid ExerciseId { get; set; }
    public AdjustmentKind Kind { get; set; }
    public Dosage Dosage { get; set; } = null!;
    public string Reason { get; set; } = "";
    public DateOnly EffectiveOn { get; set; }
}

public sealed class AdjustDosageInputType : InputObjectGraphType<AdjustDosageInput>
{
    public AdjustDosageInputType()
    {
        Name = "AdjustDosageInput";
        Field(x => x.EpisodeId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(x => x.ExpectedVersion);
        Field(x => x.ExerciseId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(x => x.Kind, type: typeof(NonNullGraphType<AdjustmentKindType>));
        Field(x => x.Dosage, type: typeof(NonNullGraphType<DosageInputType>)).Description("The whole dosage after the change.");
        Field(x => x.Reason);
        Field(x => x.EffectiveOn);
    }
}

public sealed class SubstituteExerciseInput
{
    public Guid EpisodeId { get; set; }
    public long ExpectedVersion { get; set; }
    public Guid ExerciseId { get; set; }
    public ExerciseInput Replacement { get; set; } = null!;
    public string Reason { get; set; } = "";
    public DateOnly EffectiveOn { get; set; }
}

public sealed class SubstituteExerciseInputType : InputObjectGraphType<SubstituteExerciseInput>
{
    public SubstituteExerciseInputType()
    {
        Name = "SubstituteExerciseInput";
        Field(x => x.EpisodeId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(x => x.ExpectedVersion);
        Field(x => x.ExerciseId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(x => x.Replacement, type: typeof(NonNullGraphType<ExerciseInputType>));
        Field(x => x.Reason);
        Field(x => x.EffectiveOn);
    }
}

public sealed class DiscontinueExerciseInput
{
    public Guid EpisodeId { get; set; }
    public long ExpectedVersion { get; set; }
    public Guid ExerciseId { get; set; }
    public string Reason { get; set; } = "";
    public DateOnly EffectiveOn { get; set; }
}

public sealed class DiscontinueExerciseInputType : InputObjectGraphType<DiscontinueExerciseInput>
{
    public DiscontinueExerciseInputType()
    {
        Name = "DiscontinueExerciseInput";
        Field(x => x.EpisodeId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(x => x.ExpectedVersion);
        Field(x => x.ExerciseId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(x => x.Reason);
        Field(x => x.EffectiveOn);
    }
}
