using RehabLedger.Common;
using RehabLedger.Programs;

namespace RehabLedger.Sessions;

/// <summary>
/// Limits for what a session or home log records. Achieved values reuse the prescription limits of
/// <see cref="DosageRules"/>, but may be 0: a set can be abandoned, a hold or a walk cut short.
/// </summary>
public static class SessionRules
{
    /// <summary>A working day: a longer session is a typing error.</summary>
    public const int MaxMinutes = 480;

    /// <summary>The Numeric Pain Rating Scale runs 0-10.</summary>
    public const int MaxPain = 10;

    /// <summary>More entries than any real session holds: a guard against runaway or hostile input.</summary>
    public const int MaxEntries = 100;

    public static PerformedExercise ValidPerformed(PerformedExercise x, string field)
    {
        Between(x.Sets, 0, DosageRules.MaxSets, $"{field}.sets");
        Optional(x.Repetitions, 0, DosageRules.MaxRepetitions, $"{field}.repetitions");
        Optional(x.HoldSeconds, 0, DosageRules.MaxHoldSeconds, $"{field}.holdSeconds");
        Optional(x.DurationMinutes, 0, DosageRules.MaxDurationMinutes, $"{field}.durationMinutes");
        Optional(x.Rpe, 0, DosageRules.MaxRpe, $"{field}.rpe");
        ValidLoad(x, field);
        return x;
    }

    /// <summary>The same load rules as a prescription: a load with its unit, or a band, never both.</summary>
    private static void ValidLoad(PerformedExercise x, string field)
    {
        Validate.That(x.Load is null || x.Band is null, $"{field}.band", "An exercise is performed with a load or a band, not both.");
        Validate.That(x.Band is null || Enum.IsDefined(x.Band.Value), $"{field}.band", "band is not a known colour.");
        if (x.Load is null)
        {
            Validate.That(x.LoadUnit is null, $"{field}.loadUnit", "loadUnit is given without a load.");
            return;
        }
        Validate.That(x.LoadUnit is not null && Enum.IsDefined(x.LoadUnit.Value), $"{field}.loadUnit", "A load needs its unit (KG or LB).");
        var max = x.LoadUnit == LoadUnit.Lb ? DosageRules.MaxLoadLb : DosageRules.MaxLoadKg;
        Validate.That(x.Load > 0 && x.Load <= max, $"{field}.load",
            $"{field}.load {x.Load} {x.LoadUnit} is outside 0 (exclusive) to {max} {x.LoadUnit}.");
    }

    public static void Optional(int? value, int min, int max, string field)
    {
        if (value is not null) Between(value.Value, min, max, field);
    }

    public static void Between(int value, int min, int max, string field) =>
        Validate.That(value >= min && value <= max, field, $"{field} {value} is outside {min} to {max}.");

    /// <summary>
    /// The exercise as the program stood on <paramref name="date"/>; refused when it was not yet prescribed then,
    /// or was never part of this episode's program.
    /// </summary>
    public static ProgramExercise InProgramOn(IReadOnlyList<ProgramExercise> programOnDate, IReadOnlyList<ProgramExercise> programNow,
        Guid exerciseId, DateOnly date, string field)
    {
        if (programOnDate.FirstOrDefault(x => x.Id == exerciseId) is { } exercise) return exercise;
        var later = programNow.FirstOrDefault(x => x.Id == exerciseId);
        throw ClinicalRuleViolation.Invalid(field, later is null
            ? $"Exercise {exerciseId} is not in this episode's program."
            : $"{later.Name} was prescribed on {later.PrescribedOn:yyyy-MM-dd}, after {date:yyyy-MM-dd}.");
    }
}
