using System.Diagnostics;

namespace RehabLedger.Benchmarks.Measurement;

/// <summary>Operations per second and latency percentiles of one measured run.</summary>
public sealed record LoadResult(int Concurrency, long Operations, double Seconds, double P50Ms, double P95Ms, double P99Ms)
{
    public double PerSecond => Operations / Seconds;

    public static LoadResult Of(int concurrency, IEnumerable<double> latencies, double seconds)
    {
        var sorted = latencies.Order().ToArray();
        return new LoadResult(concurrency, sorted.Length, seconds, Percentile(sorted, 0.50), Percentile(sorted, 0.95), Percentile(sorted, 0.99));
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}

/// <summary>
/// Runs an operation from a number of concurrent workers, each in a closed loop (the next call starts when the last
/// answered, as a client waiting for its answer does). A warm-up part is not counted; only calls that start inside the
/// measured window are counted, and the window ends when the last of them answers. A failed call stops the run: a
/// figure built on errors would measure the wrong thing.
/// </summary>
public static class LoadRunner
{
    public static async Task<LoadResult> RunAsync(int concurrency, TimeSpan warmup, TimeSpan duration, Func<int, Task> operation)
    {
        var (latencies, seconds) = await RunOnceAsync(concurrency, warmup, duration, operation);
        return LoadResult.Of(concurrency, latencies, seconds);
    }

    /// <summary>
    /// Measures operations that are compared with each other in alternating rounds (a, b, c, a, b, c, ...), so that
    /// when the machine's load changes during the run every operation sees the same share of it and their ratios
    /// stay fair. Each operation is warmed up once before the first round. <paramref name="beforeRounds"/>, when given,
    /// holds for each operation what to do before each of its rounds (switch the service into the state it measures).
    /// </summary>
    public static async Task<LoadResult[]> CompareAsync(int concurrency, TimeSpan warmup, TimeSpan duration, int rounds,
        IReadOnlyList<Func<int, Task>> operations, IReadOnlyList<Func<Task>>? beforeRounds = null)
    {
        var latencies = operations.Select(_ => new List<double>()).ToArray();
        var seconds = new double[operations.Count];
        for (var round = 0; round < rounds; round++)
        {
            for (var i = 0; i < operations.Count; i++)
            {
                if (beforeRounds is not null) await beforeRounds[i]();
                var (measured, elapsed) = await RunOnceAsync(concurrency, round == 0 ? warmup : TimeSpan.Zero, duration / rounds, operations[i]);
                latencies[i].AddRange(measured);
                seconds[i] += elapsed;
            }
        }
        return operations.Select((_, i) => LoadResult.Of(concurrency, latencies[i], seconds[i])).ToArray();
    }

    /// <summary>
    /// Calls each operation a number of times from a few workers, unmeasured, so that the code on its path is
    /// compiled by the JIT's optimizing tier before any figure is taken: the service's steady state, not its start.
    /// </summary>
    public static async Task WarmUpAsync(int calls, IReadOnlyList<Func<int, Task>> operations)
    {
        const int workers = 4;
        foreach (var operation in operations)
        {
            var left = calls;
            await Task.WhenAll(Enumerable.Range(0, workers).Select(async worker =>
            {
                await Task.Yield();
                while (Interlocked.Decrement(ref left) >= 0) await operation(worker);
            }));
        }
    }

    private static async Task<(List<double> Latencies, double Seconds)> RunOnceAsync(int concurrency, TimeSpan warmup, TimeSpan duration,
        Func<int, Task> operation)
    {
        var measureFrom = Stopwatch.GetTimestamp() + (long)(warmup.TotalSeconds * Stopwatch.Frequency);
        var stopAt = measureFrom + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var latencies = new List<double>[concurrency];

        async Task Worker(int worker)
        {
            var mine = latencies[worker] = new List<double>(1024);
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
        return (latencies.SelectMany(l => l).ToList(), Stopwatch.GetElapsedTime(measureFrom).TotalSeconds);
    }
}
