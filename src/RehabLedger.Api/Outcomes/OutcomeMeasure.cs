namespace RehabLedger.Outcomes;

public enum ImprovementDirection
{
    HigherIsBetter,
    LowerIsBetter,

    /// <summary>Range of motion: whether more is better depends on the task, so no verdict is given.</summary>
    TaskSpecific,
}

public enum MeasureKind
{
    /// <summary>A single score per assessment (NPRS, LEFS, ...), recorded as a measure result.</summary>
    Score,

    /// <summary>Goniometric range of motion, recorded per joint, motion and side.</summary>
    RangeOfMotion,

    /// <summary>Manual muscle test grade, recorded per muscle group and side.</summary>
    MuscleTest,
}

/// <summary>A minimal clinically important difference and the publication it comes from.</summary>
public sealed record Mcid(decimal Threshold, string Source);

/// <summary>
/// One standardized outcome measure. <see cref="Minimum"/> and <see cref="Maximum"/> bound what can be stored:
/// a value outside them is refused, never clamped. A missing maximum means the scale is open-ended (seconds, metres).
/// </summary>
public sealed record OutcomeMeasure(
    string Code,
    string Name,
    MeasureKind Kind,
    decimal Minimum,
    decimal? Maximum,
    string Unit,
    ImprovementDirection Direction,
    Mcid? Mcid,
    string? Note = null)
{
    public bool Accepts(decimal value) => value >= Minimum && (Maximum is null || value <= Maximum);

    public string RangeText => Maximum is null ? $"{Minimum} or more {Unit}" : $"{Minimum} to {Maximum} {Unit}";
}
