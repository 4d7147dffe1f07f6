using RehabLedger.Outcomes;

namespace RehabLedger.Episodes;

public sealed record RangeOfMotionTrend(string Joint, string Motion, BodySide Side, bool Active, MeasureTrend Trend);

public sealed record MuscleTestTrend(string MuscleGroup, BodySide Side, MeasureTrend Trend);

/// <summary>
/// Baselines, latest values and verdicts of an episode, derived from its assessments when read.
/// Pure: the same assessments always give the same answer.
/// </summary>
public static class EpisodeTrends
{
    public static IReadOnlyList<MeasureTrend> Measures(IEnumerable<Assessment> assessments) =>
        assessments
            .SelectMany(a => a.Measures.Select(m => (m.Code, Point: new MeasurePoint(a.EffectiveOn, m.Value, a.Id))))
            .GroupBy(x => x.Code)
            .Select(g => MeasureTrend.Of(g.Key, OutcomeMeasureCatalog.Get(g.Key), g.Select(x => x.Point))!)
            .OrderBy(t => t.Measure.Code, StringComparer.Ordinal)
            .ToList();

    public static IReadOnlyList<RangeOfMotionTrend> RangeOfMotion(IEnumerable<Assessment> assessments)
    {
        var rom = OutcomeMeasureCatalog.Get(OutcomeMeasureCatalog.Rom);
        return assessments
            .SelectMany(a => a.RangeOfMotion.Select(r => (Site: (r.Joint, r.Motion, r.Side, r.Active), Point: new MeasurePoint(a.EffectiveOn, r.Degrees, a.Id))))
            .GroupBy(x => x.Site)
            .Select(g => new RangeOfMotionTrend(g.Key.Joint, g.Key.Motion, g.Key.Side, g.Key.Active,
                MeasureTrend.Of($"{g.Key.Joint} {g.Key.Motion} {g.Key.Side} {(g.Key.Active ? "active" : "passive")}", rom, g.Select(x => x.Point))!))
            .OrderBy(t => t.Joint, StringComparer.Ordinal).ThenBy(t => t.Motion, StringComparer.Ordinal).ThenBy(t => t.Side).ThenBy(t => !t.Active)
            .ToList();
    }

    public static IReadOnlyList<MuscleTestTrend> MuscleTests(IEnumerable<Assessment> assessments)
    {
        var mmt = OutcomeMeasureCatalog.Get(OutcomeMeasureCatalog.Mmt);
        return assessments
            .SelectMany(a => a.MuscleTests.Select(t => (Site: (t.MuscleGroup, t.Side), Point: new MeasurePoint(a.EffectiveOn, t.Grade, a.Id))))
            .GroupBy(x => x.Site)
            .Select(g => new MuscleTestTrend(g.Key.MuscleGroup, g.Key.Side,
                MeasureTrend.Of($"{g.Key.MuscleGroup} {g.Key.Side}", mmt, g.Select(x => x.Point))!))
            .OrderBy(t => t.MuscleGroup, StringComparer.Ordinal).ThenBy(t => t.Side)
            .ToList();
    }
}
