using System.Diagnostics;
using Marten;
using Marten.Events;
using RehabLedger.Benchmarks.Data;

namespace RehabLedger.Benchmarks.Phases;

/// <param name="AppendSeconds">Time spent appending (generation excluded).</param>
/// <param name="CatchUpSeconds">Time after the last append until the async projections had caught up.</param>
/// <param name="WriteTargets">Active episodes of the last clinic appended, untouched by any write phase.</param>
public sealed record GrowthFigures(long EventsBefore, long EventsAfter, long Appended, double AppendSeconds, double CatchUpSeconds,
    IReadOnlyList<WriteTarget> WriteTargets)
{
    public double AppendPerSecond => Appended / AppendSeconds;
}

/// <summary>
/// Item 6, first half: grows the store to ten times its events with more clinics of the same kind, through Marten's
/// ordinary batched append (many new streams per session, inline projections written in the same transaction, the
/// async ones by the service's daemon), so every read model grows with it. Generated clinic by clinic, so memory
/// stays flat whatever the size.
/// </summary>
public sealed class GrowthPhase(BenchmarkContext context)
{
    private const int StreamsPerSession = 40;
    private const int Writers = 2;

    public async Task<GrowthFigures> RunAsync()
    {
        var before = await EventCountAsync();
        var goal = before * BenchmarkSize.GrowthFactor;
        var appended = 0L;
        var appendTime = TimeSpan.Zero;
        IReadOnlyList<WriteTarget> fresh = [];
        for (var chunk = 1; before + appended < goal; chunk++)
        {
            var record = new ClinicalDataGenerator(context.Today, seed: 1000 + chunk).Generate(therapists: 4, timeTravelSizes: []);
            var clock = Stopwatch.StartNew();
            var batches = record.Streams.Chunk(StreamsPerSession).ToArray();
            var next = -1;
            await Task.WhenAll(Enumerable.Range(0, Writers).Select(async _ =>
            {
                for (var i = Interlocked.Increment(ref next); i < batches.Length; i = Interlocked.Increment(ref next)) await AppendAsync(batches[i]);
            }));
            appendTime += clock.Elapsed;
            appended += record.EventCount;
            fresh = record.WriteTargets;
            BenchmarkContext.Progress($"growth: {before + appended:N0} of {goal:N0} events");
        }

        var catchUp = Stopwatch.StartNew();
        await context.Store.WaitForNonStaleProjectionDataAsync(TimeSpan.FromHours(1));
        return new GrowthFigures(before, await EventCountAsync(), appended, appendTime.TotalSeconds, catchUp.Elapsed.TotalSeconds, fresh);
    }

    private async Task AppendAsync(GeneratedStream[] streams)
    {
        await using var session = context.Store.LightweightSession();
        session.CorrelationId = "benchmark-growth";
        foreach (var stream in streams) session.Events.StartStream(stream.AggregateType, stream.Id, stream.Events.ToArray());
        await session.SaveChangesAsync();
    }

    private async Task<long> EventCountAsync() => (await context.Store.Advanced.FetchEventStoreStatistics()).EventCount;
}
