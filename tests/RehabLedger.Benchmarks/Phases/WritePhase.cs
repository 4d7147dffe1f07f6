using System.Net.Http.Json;
using System.Text.Json;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NpgsqlTypes;
using RehabLedger.Benchmarks.Baselines;
using RehabLedger.Benchmarks.Measurement;
using RehabLedger.Episodes;
using RehabLedger.Infrastructure.Marten;
using Wolverine;

namespace RehabLedger.Benchmarks.Phases;

/// <summary>Entries per second of the four write paths at one concurrency.</summary>
/// <param name="RawDocuments">
/// Not in the list: the two inline documents a session rewrites, updated with raw SQL in one transaction.
/// It shows how much of the gap between (b) and (d) is the documents' size rather than the code.
/// </param>
public sealed record WriteFigures(int Concurrency, LoadResult Http, LoadResult InProcess, LoadResult PlainMarten, LoadResult Raw, LoadResult RawDocuments);

/// <summary>
/// Item 1: one clinical entry per transaction, at each concurrency, through (a) GraphQL over HTTP, (b) the same command
/// in process, (c) plain Marten and (d) one raw INSERT. Every writer owns its streams, so no write waits on another's
/// optimistic concurrency check; (a) and (b) write to the generated record's active episodes with their versions.
/// </summary>
public sealed class WritePhase(BenchmarkContext context) : IAsyncDisposable
{
    private const int TargetPool = 64;
    private DocumentStore? _plain;
    private string? _rawTable;

    public async Task<IReadOnlyList<WriteFigures>> RunAsync(IEnumerable<int> concurrencies)
    {
        _plain ??= await PlainMartenStore.CreateAsync(context.Host.ConnectionString);
        if (_rawTable is null)
        {
            _rawTable = await RawEventTable.CreateEventsAsync(context.Host.DataSource, "write_events");
            BenchmarkContext.Progress("writes: warming up");
            await LoadRunner.WarmUpAsync(context.Size.WarmUpCalls,
                [HttpWriter(4, warmUp: true), InProcessWriter(4, warmUp: true), await PlainMartenWriter(4), RawWriter(4), await RawDocumentWriter(4)]);
        }
        await context.SettleAsync();
        var figures = new List<WriteFigures>();
        foreach (var c in concurrencies)
        {
            BenchmarkContext.Progress($"writes at concurrency {c}");
            var results = await LoadRunner.CompareAsync(c, context.Size.Warmup, context.Size.Measure, context.Size.Rounds,
                [HttpWriter(c), InProcessWriter(c), await PlainMartenWriter(c), RawWriter(c), await RawDocumentWriter(c)]);
            figures.Add(new WriteFigures(c, results[0], results[1], results[2], results[3], results[4]));
        }
        return figures;
    }

    /// <summary>
    /// (e): what PostgreSQL alone spends on the documents a recorded session writes, with raw SQL in one transaction:
    /// the episode's <c>Episode</c> snapshot written back as it is, and one <c>RecordedSession</c> document inserted.
    /// It uses the caseload therapist's episodes, which no write variant changes, so writing them back loses nothing;
    /// the session documents go to an empty copy of their table, so the reads never see them.
    /// </summary>
    private async Task<Func<int, Task>> RawDocumentWriter(int concurrency)
    {
        var episodes = context.Record.ProgressEpisodes;
        if (episodes.Count < concurrency) throw new InvalidOperationException($"{episodes.Count} episodes cannot serve {concurrency} writers.");
        var sessions = await RawEventTable.CreateDocumentsLikeAsync(context.Host.DataSource, $"session_documents_{concurrency}", "mt_doc_recordedsession");
        var documents = new (string Episode, string Session)[episodes.Count];
        for (var i = 0; i < episodes.Count; i++)
        {
            await using var read = context.Host.DataSource.CreateCommand($"""
                select e.data::text, (select s.data::text from {Schema}.mt_doc_recordedsession s where s.episode_id = e.id limit 1)
                from {Schema}.mt_doc_episode e where e.id = $1
                """);
            read.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = episodes[i] });
            await using var reader = await read.ExecuteReaderAsync();
            await reader.ReadAsync();
            documents[i] = (reader.GetString(0), reader.GetString(1));
        }

        var turns = new int[concurrency];
        return async worker =>
        {
            var owned = (episodes.Count - worker + concurrency - 1) / concurrency;
            var index = worker + turns[worker]++ % owned * concurrency;
            await using var connection = await context.Host.DataSource.OpenConnectionAsync();
            await using var transaction = await connection.BeginTransactionAsync();
            await using var batch = new NpgsqlBatch(connection, transaction)
            {
                BatchCommands =
                {
                    Update("mt_doc_episode", episodes[index], documents[index].Episode),
                    new NpgsqlBatchCommand($"insert into {sessions} (id, data, episode_id) values ($1, $2, $3)")
                    {
                        Parameters =
                        {
                            new NpgsqlParameter<Guid> { TypedValue = Guid.CreateVersion7() },
                            new NpgsqlParameter<string> { NpgsqlDbType = NpgsqlDbType.Jsonb, TypedValue = documents[index].Session },
                            new NpgsqlParameter<Guid> { TypedValue = episodes[index] },
                        },
                    },
                },
            };
            await batch.ExecuteNonQueryAsync();
            await transaction.CommitAsync();
        };
    }

    private const string Schema = EventStoreSetup.SchemaName;

    private static NpgsqlBatchCommand Update(string table, Guid id, string json) => new($"update {Schema}.{table} set data = $2 where id = $1")
    {
        Parameters =
        {
            new NpgsqlParameter<Guid> { TypedValue = id },
            new NpgsqlParameter<string> { NpgsqlDbType = NpgsqlDbType.Jsonb, TypedValue = json },
        },
    };

    /// <summary>
    /// Average stored size of the documents a recorded session writes (and, for the caseload and timeline, that the
    /// daemon rewrites after it), by table: the main reason the service path costs more than one INSERT.
    /// </summary>
    public async Task<IReadOnlyList<(string Table, double AverageKb)>> DocumentSizesAsync()
    {
        var sizes = new List<(string, double)>();
        foreach (var table in new[] { "mt_doc_episode", "mt_doc_recordedsession", "mt_doc_caseloadrow", "mt_doc_episodetimeline" })
        {
            await using var command = context.Host.DataSource.CreateCommand(
                $"select coalesce(avg(octet_length(data::text)), 0) from {EventStoreSetup.SchemaName}.{table}");
            sizes.Add((table, Convert.ToDouble(await command.ExecuteScalarAsync()) / 1024));
        }
        return sizes;
    }

    public async ValueTask DisposeAsync()
    {
        if (_plain is not null) await _plain.DisposeAsync();
    }

    /// <summary>
    /// Worker <c>w</c> of <c>c</c> takes the pool's targets <c>w, w + c, w + 2c, ...</c> in turn. The pool is the first
    /// targets; the warm-up takes the last ones, so the measured episodes start at their generated size (with a
    /// small record the two overlap).
    /// </summary>
    private Func<int, int> TargetPicker(int concurrency, bool warmUp)
    {
        var pool = Math.Min(TargetPool, context.WriteTargets.Count);
        if (pool < concurrency) throw new InvalidOperationException($"{pool} write targets cannot serve {concurrency} writers.");
        var first = warmUp ? context.WriteTargets.Count - pool : 0;
        var turns = new int[concurrency];
        return worker =>
        {
            var owned = (pool - worker + concurrency - 1) / concurrency;
            return first + worker + turns[worker]++ % owned * concurrency;
        };
    }

    private Func<int, Task> HttpWriter(int concurrency, bool warmUp = false)
    {
        var next = TargetPicker(concurrency, warmUp);
        return async worker =>
        {
            var index = next(worker);
            var target = context.WriteTargets[index];
            var variables = SessionEntries.Variables(target, context.WriteTargetVersions[index], context.Today);
            using var response = await context.Host.Http.PostAsJsonAsync("/graphql", new { query = SessionEntries.Mutation, variables });
            using var body = JsonDocument.Parse(await response.Content.ReadAsStreamAsync());
            if (body.RootElement.TryGetProperty("errors", out var errors))
                throw new InvalidOperationException($"recordSession failed: {errors}");
            context.WriteTargetVersions[index] = body.RootElement.GetProperty("data").GetProperty("recordSession").GetProperty("version").GetInt64();
        };
    }

    /// <summary>(b): the <c>RecordSession</c> command in process; also the write the log's cost is measured on.</summary>
    internal Func<int, Task> InProcessWriter(int concurrency, bool warmUp = false)
    {
        var next = TargetPicker(concurrency, warmUp);
        return async worker =>
        {
            var index = next(worker);
            var command = SessionEntries.Command(context.WriteTargets[index], context.WriteTargetVersions[index], context.Today);
            // A scope per command, as each HTTP request has.
            await using var scope = context.Host.Services.CreateAsyncScope();
            var episode = await scope.ServiceProvider.GetRequiredService<IMessageBus>().InvokeAsync<Episode>(command);
            context.WriteTargetVersions[index] = episode.Version;
        };
    }

    private async Task<Func<int, Task>> PlainMartenWriter(int concurrency)
    {
        var streams = Enumerable.Range(0, concurrency).Select(_ => Guid.CreateVersion7()).ToArray();
        var target = context.WriteTargets[0];
        await using (var session = _plain!.LightweightSession())
        {
            foreach (var stream in streams) session.Events.StartStream<Episode>(stream, SessionEntries.Event(stream, target, context.Today));
            await session.SaveChangesAsync();
        }
        return async worker =>
        {
            await using var session = _plain.LightweightSession();
            session.CorrelationId = "benchmark";
            session.LastModifiedBy = SessionEntries.Therapist.Id;
            session.Events.Append(streams[worker], SessionEntries.Event(streams[worker], target, context.Today));
            await session.SaveChangesAsync();
        };
    }

    private Func<int, Task> RawWriter(int concurrency)
    {
        var streams = Enumerable.Range(0, concurrency).Select(_ => Guid.CreateVersion7()).ToArray();
        var versions = new long[concurrency];
        var target = context.WriteTargets[0];
        var serializer = context.Store.Options.Serializer();
        var typeName = RawEventTable.EventTypeName(typeof(RehabLedger.Sessions.SessionRecorded));
        var sql = $"""
            insert into {_rawTable} (id, stream_id, version, data, type, correlation_id, user_name)
            values ($1, $2, $3, $4, $5, $6, $7)
            """;
        return async worker =>
        {
            // Serialized here, as Marten serializes in (c): both pay for turning the entry into JSON.
            var json = serializer.ToJson(SessionEntries.Event(streams[worker], target, context.Today));
            await using var command = context.Host.DataSource.CreateCommand(sql);
            command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = Guid.CreateVersion7() });
            command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = streams[worker] });
            command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = ++versions[worker] });
            command.Parameters.Add(new NpgsqlParameter<string> { NpgsqlDbType = NpgsqlDbType.Jsonb, TypedValue = json });
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = typeName });
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = "benchmark" });
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = SessionEntries.Therapist.Id });
            await command.ExecuteNonQueryAsync();
        };
    }
}
