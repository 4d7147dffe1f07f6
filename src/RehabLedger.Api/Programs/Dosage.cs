namespace RehabLedger.Programs;

public enum ExerciseCategory
{
    Stretching,
    Strengthening,
    Cardiovascular,
    Balance,
    Coordination,
    RangeOfMotion,
    Functional,
}

public enum ExerciseSetting
{
    Clinic,
    Home,
}

public enum LoadUnit
{
    Kg,
    Lb,
}

/// <summary>Elastic resistance bands by the usual colour progression, lightest first.</summary>
public enum ResistanceBand
{
    Yellow,
    Red,
    Green,
    Blue,
    Black,
    Silver,
    Gold,
}

/// <summary>
/// How much of an exercise: sets of repetitions (or holds, or minutes), against a load or band, so many times a
/// week, at a target exertion, in the clinic or at home. Limits are in <see cref="DosageRules"/>.
/// </summary>
public sealed record Dosage(
    int Sets,
    int? Repetitions,
    int? HoldSeconds,
    decimal? Load,
    LoadUnit? LoadUnit,
    ResistanceBand? Band,
    int? DurationMinutes,
    int FrequencyPerWeek,
    int? TargetRpe,
    ExerciseSetting Setting);

/// <summary>One parameter of a dosage that differs between two dosages, for audit and "what changed" views.</summary>
public sealed record DosageChange(string Parameter, string? From, string? To);
