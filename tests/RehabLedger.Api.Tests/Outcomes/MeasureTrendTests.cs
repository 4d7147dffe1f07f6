using RehabLedger.Outcomes;

namespace RehabLedger.Tests.Outcomes;

public sealed class MeasureTrendTests
{
    private static readonly DateOnly Day1 = new(2026, 1, 5);

    private static MeasureTrend Trend(string code, params (int day, decimal value)[] points) =>
        MeasureTrend.Of(code, OutcomeMeasureCatalog.Get(code),
            points.Select(p => new MeasurePoint(Day1.AddDays(p.day), p.value, Guid.NewGuid())))!;

    [Fact]
    public void reaching_the_threshold_exactly_reaches_the_mcid() =>
        Trend("LEFS", (0, 40), (20, 49)).ReachesMcid.ShouldBe(true);

    [Fact]
    public void one_point_short_does_not() =>
        Trend("LEFS", (0, 40), (20, 48)).ReachesMcid.ShouldBe(false);

    [Fact]
    public void lower_is_better_measures_improve_downwards()
    {
        var trend = Trend("NPRS", (0, 7), (14, 5));
        trend.Change.ShouldBe(-2);
        trend.Improvement.ShouldBe(2);
        trend.ReachesMcid.ShouldBe(true);
        trend.Worsened.ShouldBe(false);
    }

    [Fact]
    public void any_loss_is_worsening() =>
        Trend("BBS", (0, 40), (7, 39.5m)).Worsened.ShouldBe(true);

    [Fact]
    public void decimal_arithmetic_is_exact()
    {
        var trend = Trend("TUG", (0, 14.2m), (10, 13.1m));
        trend.Improvement.ShouldBe(1.1m);
        trend.ReachesMcid.ShouldBe(true);
    }

    [Fact]
    public void percent_change_rounds_halves_away_from_zero_and_is_absent_from_a_zero_baseline()
    {
        Trend("ODI", (0, 40), (5, 30.02m)).PercentChange.ShouldBe(-25.0m); // -24.95 -> -25.0
        Trend("NPRS", (0, 0), (5, 3)).PercentChange.ShouldBeNull();
    }

    [Fact]
    public void the_series_is_ordered_by_effective_date_and_ties_keep_recording_order()
    {
        var trend = Trend("LEFS", (10, 50), (0, 30), (10, 55));
        trend.Baseline.ShouldBe(30);
        trend.Latest.ShouldBe(55);
        trend.Series.Select(p => p.Value).ShouldBe([30m, 50m, 55m]);
    }

    [Fact]
    public void range_of_motion_gets_change_but_no_verdict()
    {
        var trend = MeasureTrend.Of("knee flexion", OutcomeMeasureCatalog.Get("ROM"),
            [new MeasurePoint(Day1, 90, Guid.NewGuid()), new MeasurePoint(Day1.AddDays(9), 110, Guid.NewGuid())])!;
        trend.Change.ShouldBe(20);
        trend.ReachesMcid.ShouldBeNull();
        trend.Worsened.ShouldBeNull();
    }
}
