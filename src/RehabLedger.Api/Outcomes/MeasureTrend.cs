using System.ComponentModel;
namespace RehabLedger.Outcomes;

/// <summary>One value of a measure, as recorded by an assessment.</summary>
[Description("One value of a measure, as recorded by an assessment.")]
public sealed record MeasurePoint(
    [property: Description("When the assessment took place clinically.")] DateOnly EffectiveOn,
    [property: Description("The value recorded.")] decimal Value,
    [property: Description("The assessment that recorded it.")] Guid AssessmentId);

/// <summary>
/// A measure's series with its baseline, latest value and verdict, computed by the one reading RehabLedger
/// applies everywhere: the series is ordered by effective date (ties keep recording order), the baseline is
/// its first value and the latest its last, so a back-dated entry lands where it belongs.
/// </summary>
public sealed record MeasureTrend(
    string Key,
    OutcomeMeasure Measure,
    IReadOnlyList<MeasurePoint> Series,
    decimal Baseline,
    decimal Latest,
    decimal Change,
    decimal? PercentChange,
    decimal? Improvement,
    bool? ReachesMcid,
    bool? Worsened)
{
    /// <param name="key">What the series is of: the measure code, or joint/motion/side for ROM and MMT.</param>
    /// <param name="pointsInRecordingOrder">Values in the order the record learned them.</param>
    public static MeasureTrend? Of(string key, OutcomeMeasure measure, IEnumerable<MeasurePoint> pointsInRecordingOrder)
    {
        // OrderBy is stable, so values with the same effective date keep their recording order.
        var series = pointsInRecordingOrder.OrderBy(p => p.EffectiveOn).ToList();
        if (series.Count == 0) return null;

        var baseline = series[0].Value;
        var latest = series[^1].Value;
        var change = latest - baseline;
        decimal? percent = baseline == 0 ? null : Math.Round(change / baseline * 100m, 1, MidpointRounding.AwayFromZero);

        // ROM and MMT get baseline, latest and change only: no threshold exists to judge them against.
        if (measure.Kind != MeasureKind.Score || measure.Direction == ImprovementDirection.TaskSpecific)
            return new(key, measure, series, baseline, latest, change, percent, null, null, null);

        var improvement = measure.Direction == ImprovementDirection.HigherIsBetter ? change : -change;
        bool? reaches = measure.Mcid is null ? null : improvement >= measure.Mcid.Threshold;
        return new(key, measure, series, baseline, latest, change, percent, improvement, reaches, improvement < 0);
    }
}
