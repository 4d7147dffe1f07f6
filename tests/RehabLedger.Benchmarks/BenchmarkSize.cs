namespace RehabLedger.Benchmarks;

/// <param name="Therapists">Each carries 50 active and 10 discharged episodes (about 60 events each).</param>
/// <param name="Concurrency">Concurrent clients for the write and read figures.</param>
/// <param name="WarmUpCalls">Unmeasured calls of every write and read path before the first figure, for the JIT.</param>
/// <param name="GrowthConcurrency">The concurrencies measured again after the store has grown tenfold.</param>
/// <param name="Measure">Measured time of each figure, split into <paramref name="Rounds"/> rounds alternating with the figures it is compared with.</param>
public sealed record BenchmarkSize(
    string Name,
    int Therapists,
    int[] Concurrency,
    int[] GrowthConcurrency,
    TimeSpan Warmup,
    TimeSpan Measure,
    int Rounds,
    int WarmUpCalls,
    int[] TimeTravelSizes)
{
    public const int GrowthFactor = 10;

    /// <summary>A smoke run of a few minutes: one clinic, two therapists, about 9,000 events, grown to about 400,000 (the reads' access records count).</summary>
    public static readonly BenchmarkSize Quick = new("quick", 2, [1, 8, 32], [8],
        TimeSpan.FromSeconds(0.3), TimeSpan.FromSeconds(0.9), 3, 200, [10, 100, 1000]);

    /// <summary>Fifteen clinics of four therapists, about 220,000 events, grown past 2,000,000.</summary>
    public static readonly BenchmarkSize Full = new("full", 60, [1, 8, 32], [1, 8, 32],
        TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(10), 5, 1000, [10, 100, 1000]);
}
