using System.Diagnostics;

namespace RehabLedger.Benchmarks.Measurement;

/// <summary>Operations per second and latency percentiles of one measured run.</summary>
public sealed record LoadResult(int Concurrency, long Operations, double Seconds, double P50Ms, double P95Ms, double P99Ms)
{
    public double PerSecond => Operations / Seconds;
}

/// <summary>
/// Runs an operation from a number of concurrent workers, each in a closed loop (the next call starts when the last
/// answered, as a client waiting for its answer does). The first part of the run warms up and is not counted; only
/// calls that start inside the measured window are counted, and the window ends when the last of them answers.
/// A failed call stops the run: a figure built on errors would measure the wrong thing.
/// </summary>
public static class LoadRunner
{
    public static async Task<LoadResult> RunAsync(int concurrency, TimeSpan warmup, TimeSpan duration, Func<int, Task> operation)
    {
        var begin = Stopwatch.GetTimestamp();
        var measureFrom = begin + (long)(warmup.TotalSeconds * Stopwatch.Frequency);
        var stopAt = measureFrom + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var latencies = new List<double>[concurrency];

        async Task Worker(int worker)
        {
            var mine = latencies[worker] = new List<double>(4096);
            // Yield first so every worker starts on the thread pool, not inline in the loop that creates them.
            await Task.Yield();
            while (true)
            {
                var started = Stopwatch.GetTimestamp();
                if (started >= stopAt) return;
                await operation(worker);
                if (started >= measureFrom) mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }

        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(Worker));
        var seconds = Stopwatch.GetElapsedTime(measureFrom).TotalSeconds;
        var all = latencies.SelectMany(l => l).Order().ToArray();
        return new LoadResult(concurrency, all.Length, seconds, Percentile(all, 0.50), Percentile(all, 0.95), Percentile(all, 0.99));
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
