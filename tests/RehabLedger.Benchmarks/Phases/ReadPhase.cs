using System.Net.Http.Json;
using System.Text;
using Marten.Events;
using RehabLedger.Benchmarks.Hosting;
using RehabLedger.Benchmarks.Measurement;

namespace RehabLedger.Benchmarks.Phases;

/// <summary>Latency and throughput of one dashboard query over GraphQL and of the raw read of the same documents.</summary>
public sealed record ReadFigures(string Query, int Concurrency, LoadResult GraphQL, LoadResult Raw);

/// <summary>
/// Item 3: the caseload page of a therapist with 50 active episodes, and an episode's progress, over HTTP at each
/// concurrency, against the raw read of the same projection documents from the benchmark's minimal endpoint.
/// </summary>
public sealed class ReadPhase(BenchmarkContext context)
{
    private static readonly byte[] ErrorsKey = "\"errors\""u8.ToArray();

    public async Task<IReadOnlyList<ReadFigures>> RunAsync(IEnumerable<int> concurrencies)
    {
        await context.Store.WaitForNonStaleProjectionDataAsync(TimeSpan.FromMinutes(10));
        await context.SettleAsync();
        var queries = Queries();

        if (!_warm)
        {
            BenchmarkContext.Progress("reads: warming up");
            await LoadRunner.WarmUpAsync(context.Size.WarmUpCalls, queries.SelectMany(q => new[] { q.GraphQL, q.Raw }).ToArray());
            _warm = true;
        }

        var figures = new List<ReadFigures>();
        foreach (var (name, graphQL, raw) in queries)
        {
            foreach (var c in concurrencies)
            {
                BenchmarkContext.Progress($"reads: {name} at concurrency {c}");
                var results = await LoadRunner.CompareAsync(c, context.Size.Warmup, context.Size.Measure, context.Size.Rounds, [graphQL, raw]);
                figures.Add(new ReadFigures(name, c, results[0], results[1]));
            }
        }
        return figures;
    }

    /// <summary>The two dashboard queries, each over GraphQL and as the raw read of the same documents.</summary>
    internal (string Name, Func<int, Task> GraphQL, Func<int, Task> Raw)[] Queries()
    {
        var (clinicId, therapistId) = context.Record.Caseload;
        var episodes = context.Record.ProgressEpisodes;
        return
        [
            ("caseload (50 active episodes)",
                _ => GraphQL(DashboardQueries.Caseload, new { clinicId, therapistId }),
                _ => Raw($"{RawReadEndpoints.CaseloadPath}?clinicId={clinicId}&therapistId={therapistId}")),
            ("episode progress",
                worker => GraphQL(DashboardQueries.Progress, new { id = episodes[Next(worker) % episodes.Count] }),
                worker => Raw($"{RawReadEndpoints.ProgressPath}?id={episodes[Next(worker) % episodes.Count]}")),
        ];
    }

    private int _turn;
    private bool _warm;

    /// <summary>Spreads progress reads over the therapist's episodes, so they are not all one cached row.</summary>
    private int Next(int worker) => (Interlocked.Increment(ref _turn) & int.MaxValue) + worker;

    private async Task GraphQL(string query, object variables)
    {
        using var response = await context.Host.Http.PostAsJsonAsync("/graphql", new { query, variables });
        await Check(response);
    }

    private async Task Raw(string path)
    {
        using var response = await context.Host.Http.GetAsync(path);
        await Check(response);
    }

    private static async Task Check(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsByteArrayAsync();
        if (!response.IsSuccessStatusCode || body.AsSpan().IndexOf(ErrorsKey) >= 0)
            throw new InvalidOperationException($"{response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {Encoding.UTF8.GetString(body)}");
    }
}
