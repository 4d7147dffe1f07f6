using Marten.Events;
using Microsoft.Extensions.DependencyInjection;
using RehabLedger.Access;
using RehabLedger.Benchmarks.Hosting;
using RehabLedger.Benchmarks.Measurement;

namespace RehabLedger.Benchmarks.Phases;

/// <summary>One figure measured with a cost of issue 14 and without it, in alternating rounds of the same run.</summary>
public sealed record CostFigures(string Figure, LoadResult With, LoadResult Without);

/// <summary>
/// Issue 14, item 8: what the log and the read accounting cost, at concurrency 8. Recording sessions (the command in
/// process, write (b) of item 1) with the log's producer running and stopped; the two dashboard queries over GraphQL
/// with every read accounted and with the access records discarded by the benchmark's writer. Each pair alternates
/// rounds, so a change in the machine's load falls on both sides alike.
/// </summary>
public sealed class LedgerCostPhase(BenchmarkContext context, WritePhase writes, ReadPhase reads)
{
    public const int Concurrency = 8;

    public async Task<IReadOnlyList<CostFigures>> RunAsync()
    {
        var figures = new List<CostFigures>();
        var ledger = new LedgerSwitch(context.Host);
        await context.SettleAsync();
        BenchmarkContext.Progress($"cost: recording sessions at concurrency {Concurrency} with and without the log");
        var writer = writes.InProcessWriter(Concurrency);
        try
        {
            figures.Add(await CompareAsync("recording sessions, entries/s", writer, ledger.OnAsync, ledger.OffAsync));
        }
        finally
        {
            await ledger.OnAsync();
        }

        var accounting = (SwitchableAccessRecordWriter)context.Host.Services.GetRequiredService<IAccessRecordWriter>();
        await context.Store.WaitForNonStaleProjectionDataAsync(TimeSpan.FromMinutes(10));
        try
        {
            foreach (var (name, graphQL, _) in reads.Queries())
            {
                BenchmarkContext.Progress($"cost: {name} at concurrency {Concurrency} with and without read accounting");
                figures.Add(await CompareAsync(name, graphQL,
                    () => { accounting.Discard = false; return Task.CompletedTask; },
                    () => { accounting.Discard = true; return Task.CompletedTask; }));
            }
        }
        finally
        {
            accounting.Discard = false;
        }
        return figures;
    }

    private async Task<CostFigures> CompareAsync(string figure, Func<int, Task> operation, Func<Task> with, Func<Task> without)
    {
        var results = await LoadRunner.CompareAsync(Concurrency, context.Size.Warmup, context.Size.Measure, context.Size.Rounds,
            [operation, operation], [with, without]);
        return new CostFigures(figure, results[0], results[1]);
    }
}
