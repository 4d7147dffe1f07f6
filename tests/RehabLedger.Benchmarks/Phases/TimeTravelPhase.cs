using System.Net.Http.Json;
using System.Text.Json;
using Marten;
using RehabLedger.Benchmarks.Measurement;
using RehabLedger.Episodes;
using RehabLedger.Programs;

namespace RehabLedger.Benchmarks.Phases;

/// <param name="ProgramAsOf">Null when the service has no <c>programAsOf</c> query yet.</param>
/// <param name="MartenFold">Marten folding the Episode snapshot (which holds the program) to the same version, in process, for reference.</param>
public sealed record TimeTravelFigures(int StreamEvents, LoadResult? ProgramAsOf, LoadResult MartenFold);

/// <summary>
/// Item 5: the latency of <c>programAsOf</c> (issue 5) over HTTP, one client, for episode streams of 10, 100 and 1,000
/// events, asking for the program as of the stream's last version (the most events to account for). The query is
/// found by introspection, so this phase measures it as soon as it is on main; until then it reports it as not
/// available. Marten's own fold of the program to that version is measured beside it for reference.
/// </summary>
public sealed class TimeTravelPhase(BenchmarkContext context)
{
    public string? Unavailable { get; private set; }

    public async Task<IReadOnlyList<TimeTravelFigures>> RunAsync()
    {
        var programAsOf = await ProgramAsOfAsync();
        var (_, warmUpEpisode) = context.Record.TimeTravelEpisodes.First();
        await LoadRunner.WarmUpAsync(context.Size.WarmUpCalls / 4, programAsOf is null
            ? [_ => MartenFold(warmUpEpisode, 10)]
            : [_ => MartenFold(warmUpEpisode, 10), _ => programAsOf(warmUpEpisode, 10)]);
        await context.SettleAsync();

        // The sizes are compared with each other, so they are measured in alternating rounds, as every compared figure is.
        var streams = context.Record.TimeTravelEpisodes.Select(kv => (Events: kv.Key, EpisodeId: kv.Value)).ToList();
        BenchmarkContext.Progress($"time travel: streams of {string.Join(", ", streams.Select(s => s.Events))} events");
        var asOf = programAsOf is null ? null : await Compare(streams.Select(s => (Func<int, Task>)(_ => programAsOf(s.EpisodeId, s.Events))));
        var folds = await Compare(streams.Select(s => (Func<int, Task>)(_ => MartenFold(s.EpisodeId, s.Events))));
        return streams.Select((s, i) => new TimeTravelFigures(s.Events, asOf?[i], folds[i])).ToList();
    }

    private Task<LoadResult[]> Compare(IEnumerable<Func<int, Task>> calls) =>
        LoadRunner.CompareAsync(1, context.Size.Warmup, context.Size.Measure / 2, context.Size.Rounds, calls.ToList());

    private async Task MartenFold(Guid episodeId, long version)
    {
        await using var session = context.Store.QuerySession();
        var episode = await session.Events.AggregateStreamAsync<Episode>(episodeId, version: version)
            ?? throw new InvalidOperationException($"Episode {episodeId} has no program.");
        _ = CurrentProgram.Of(episode);
    }

    /// <summary>
    /// The one place that knows the shape of <c>programAsOf</c>: it asks for the program as of a stream version, with
    /// what an auditor's screen shows of each exercise. The arguments are checked by introspection first, so a
    /// service without the query (or with other arguments) is reported, not failed.
    /// </summary>
    private async Task<Func<Guid, long, Task>?> ProgramAsOfAsync()
    {
        var args = await ArgumentsOf("programAsOf");
        if (args is null)
        {
            Unavailable = "not available: the service has no `programAsOf` query yet (issue 5)";
            return null;
        }
        if (!args.TryGetValue("episodeId", out var idType) || !args.TryGetValue("version", out var versionType))
        {
            Unavailable = $"not available: `programAsOf` takes ({string.Join(", ", args.Keys)}), not episodeId and version";
            return null;
        }

        var query = $$"""
            query($id: {{idType}}, $version: {{versionType}}) {
              programAsOf(episodeId: $id, version: $version) {
                version
                exercises(includeEnded: true) { id name category status prescribedOn dosageSince endedOn dosage { sets repetitions load loadUnit durationMinutes frequencyPerWeek setting } }
              }
            }
            """;
        return async (episodeId, version) =>
        {
            using var response = await context.Host.Http.PostAsJsonAsync("/graphql", new { query, variables = new { id = episodeId, version } });
            using var body = JsonDocument.Parse(await response.Content.ReadAsStreamAsync());
            if (body.RootElement.TryGetProperty("errors", out var errors)) throw new InvalidOperationException($"programAsOf failed: {errors}");
        };
    }

    /// <summary>The arguments of a query field and their GraphQL types (for example <c>ID!</c>), or null when there is no such field.</summary>
    private async Task<Dictionary<string, string>?> ArgumentsOf(string field)
    {
        const string introspection = "{ __type(name: \"Query\") { fields { name args { name type { kind name ofType { name } } } } } }";
        using var response = await context.Host.Http.PostAsJsonAsync("/graphql", new { query = introspection });
        using var body = JsonDocument.Parse(await response.Content.ReadAsStreamAsync());
        foreach (var f in body.RootElement.GetProperty("data").GetProperty("__type").GetProperty("fields").EnumerateArray())
        {
            if (f.GetProperty("name").GetString() != field) continue;
            return f.GetProperty("args").EnumerateArray().ToDictionary(a => a.GetProperty("name").GetString()!, a =>
            {
                var type = a.GetProperty("type");
                return type.GetProperty("kind").GetString() == "NON_NULL" ? $"{type.GetProperty("ofType").GetProperty("name").GetString()}!" : type.GetProperty("name").GetString()!;
            });
        }
        return null;
    }
}
