using System.Globalization;
using RehabLedger.Common;

namespace RehabLedger.Programs;

/// <summary>
/// Sane limits for a prescribed dosage. Wide enough for any real program, narrow enough to catch a slipped
/// digit (30 sets, 5,000 repetitions): a value outside them is refused, never clamped.
/// </summary>
public static class DosageRules
{
    public const int MaxSets = 20;
    public const int MaxRepetitions = 500;
    public const int MaxHoldSeconds = 600;
    public const decimal MaxLoadKg = 300m;
    public const decimal MaxLoadLb = 660m;
    public const int MaxDurationMinutes = 240;
    public const int MaxFrequencyPerWeek = 21;
    public const int MaxRpe = 10;

    public static Dosage Valid(Dosage d, string field)
    {
        Between(d.Sets, 1, MaxSets, $"{field}.sets");
        Optional(d.Repetitions, 1, MaxRepetitions, $"{field}.repetitions");
        Optional(d.HoldSeconds, 1, MaxHoldSeconds, $"{field}.holdSeconds");
        Optional(d.DurationMinutes, 1, MaxDurationMinutes, $"{field}.durationMinutes");
        Between(d.FrequencyPerWeek, 1, MaxFrequencyPerWeek, $"{field}.frequencyPerWeek");
        Optional(d.TargetRpe, 0, MaxRpe, $"{field}.targetRpe");
        Validate.That(d.Repetitions is not null || d.HoldSeconds is not null || d.DurationMinutes is not null, field,
            "A dosage needs repetitions, a hold time or a duration.");
        Validate.That(Enum.IsDefined(d.Setting), $"{field}.setting", "setting is not a known value.");
        ValidLoad(d, field);
        return d;
    }

    private static void ValidLoad(Dosage d, string field)
    {
        Validate.That(d.Load is null || d.Band is null, $"{field}.band", "A dosage has a load or a band, not both.");
        Validate.That(d.Band is null || Enum.IsDefined(d.Band.Value), $"{field}.band", "band is not a known colour.");
        if (d.Load is null)
        {
            Validate.That(d.LoadUnit is null, $"{field}.loadUnit", "loadUnit is given without a load.");
            return;
        }
        Validate.That(d.LoadUnit is not null && Enum.IsDefined(d.LoadUnit.Value), $"{field}.loadUnit", "A load needs its unit (KG or LB).");
        var max = d.LoadUnit == LoadUnit.Lb ? MaxLoadLb : MaxLoadKg;
        Validate.That(d.Load > 0 && d.Load <= max, $"{field}.load",
            $"{field}.load {d.Load} {d.LoadUnit} is outside 0 (exclusive) to {max} {d.LoadUnit}.");
    }

    private static void Optional(int? value, int min, int max, string field)
    {
        if (value is not null) Between(value.Value, min, max, field);
    }

    private static void Between(int value, int min, int max, string field) =>
        Validate.That(value >= min && value <= max, field, $"{field} {value} is outside {min} to {max}.");

    /// <summary>The parameters that differ, named as the GraphQL schema names them.</summary>
    public static IReadOnlyList<DosageChange> Differences(Dosage? from, Dosage to)
    {
        var changes = new List<DosageChange>();
        // Invariant culture: "4.5" must read the same in the record whatever culture a server runs in.
        void Compare<T>(string name, T? a, T? b)
        {
            if (!EqualityComparer<T?>.Default.Equals(a, b)) changes.Add(new DosageChange(name, Text(a), Text(b)));
        }
        static string? Text<T>(T? value) => value is IFormattable f ? f.ToString(null, CultureInfo.InvariantCulture) : value?.ToString();
        Compare("sets", from?.Sets, to.Sets);
        Compare("repetitions", from?.Repetitions, to.Repetitions);
        Compare("holdSeconds", from?.HoldSeconds, to.HoldSeconds);
        Compare("load", from?.Load, to.Load);
        Compare("loadUnit", from?.LoadUnit, to.LoadUnit);
        Compare("band", from?.Band, to.Band);
        Compare("durationMinutes", from?.DurationMinutes, to.DurationMinutes);
        Compare("frequencyPerWeek", from?.FrequencyPerWeek, to.FrequencyPerWeek);
        Compare("targetRpe", from?.TargetRpe, to.TargetRpe);
        Compare("setting", from?.Setting, to.Setting);
        return changes;
    }
}
