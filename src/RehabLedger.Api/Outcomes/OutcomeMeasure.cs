using GraphQL;
using System.ComponentModel;
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
[Description("A minimal clinically important difference and the publication it comes from.")]
public sealed record Mcid(
    [property: Description("Improvement at or beyond this value reaches the MCID.")] decimal Threshold,
    [property: Description("The publication the MCID comes from.")] string Source);

/// <summary>
/// One standardized outcome measure. <see cref="Minimum"/> and <see cref="Maximum"/> bound what can be stored:
/// a value outside them is refused, never clamped. A missing maximum means the scale is open-ended (seconds, metres).
/// </summary>
[Description("A standardized outcome measure RehabLedger accepts. Values outside its range are refused.")]
public sealed record OutcomeMeasure(
    [property: Description("The code assessments and goals use, for example LEFS.")] string Code,
    [property: Description("The measure's full name.")] string Name,
    [property: Description("A score, a range of motion or a muscle test.")] MeasureKind Kind,
    [property: Description("The lowest value accepted.")] decimal Minimum,
    [property: Description("Null when the scale is open-ended (seconds, metres).")] decimal? Maximum,
    [property: Description("The unit of a value.")] string Unit,
    [property: Description("Which way is improvement.")] ImprovementDirection Direction,
    [property: Description("The minimal clinically important difference, when one is published.")] Mcid? Mcid,
    [property: Description("How to read the measure.")] string? Note = null)
{
    public bool Accepts(decimal value) => value >= Minimum && (Maximum is null || value <= Maximum);

    [Ignore]
    public string RangeText => Maximum is null ? $"{Minimum} or more {Unit}" : $"{Minimum} to {Maximum} {Unit}";
}
