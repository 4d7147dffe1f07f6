using System.ComponentModel;
using System.Data.Common;
using System.Text.Json;
using GraphQL;
using GraphQL.Types;
using Marten;
using Npgsql;
using RehabLedger.Common;
using RehabLedger.Infrastructure;

namespace RehabLedger.Audit;

/// <summary>
/// One row of the event store as an auditor reads it: where it sits (global sequence, stream and version), what it
/// is, when it was recorded, who wrote it in which request, and the body exactly as stored.
/// </summary>
[Description("One event as the store keeps it, with its metadata.")]
public sealed record LedgerEvent(
    [property: Description("The position among all events of the store.")] long Sequence,
    [property: Description("The event's id. A correction's changeId in programHistory is this id.")] Guid Id,
    [property: Description("The episode, patient, clinic or therapist the event belongs to.")] Guid StreamId,
    [property: Description("The position in its stream, from 1.")] long Version,
    [property: Description("The event type, in snake case: exercise_prescribed.")] string Type,
    [property: Description("When the record learned it: the store's timestamp.")] DateTimeOffset RecordedAt,
    [property: Description("Who wrote it, from the event's metadata (user name and actor headers); null when none was recorded.")] ActorRef? Actor,
    [property: Description("The request that wrote it.")] string? CorrelationId,
    [property: Description("The command whose handler appended it.")] string? CausationId,
    [property: Description("The event body as stored (camel case, enum values as names).")][property: OutputType(typeof(NonNullGraphType<JsonGraphType>))]
    JsonElement Data);

/// <summary>When and in which request one event of a stream was recorded.</summary>
public sealed record RecordedMetadata(long Version, DateTimeOffset RecordedAt, string? CorrelationId);

/// <summary>
/// Raw SQL over Marten's <c>mt_events</c>, through the request's session. Marten's LINQ over raw events cannot
/// express the audit filters (headers, a set of streams, keyset paging on the sequence), and these queries must
/// touch only the rows they answer with, through the indexes in <see cref="AuditIndexes"/>.
/// </summary>
public static class Ledger
{
    private const string Columns =
        "seq_id, id, stream_id, version, type, timestamp, user_name, headers ->> '" + ActorMetadataMiddleware.RoleHeader +
        "', headers ->> '" + ActorMetadataMiddleware.NameHeader + "', correlation_id, causation_id, data::text";

    private static string Events(IQuerySession session) => Table(session.DocumentStore.Options.Events.DatabaseSchemaName);

    internal static string Table(string schema) => $"{schema}.mt_events";

    /// <summary>Up to <paramref name="limit"/> events of one stream after <paramref name="afterVersion"/>, in version order.</summary>
    public static async Task<IReadOnlyList<LedgerEvent>> Stream(IQuerySession session, Guid streamId, long afterVersion, int limit,
        CancellationToken ct)
    {
        var command = new NpgsqlCommand(
            $"select {Columns} from {Events(session)} where stream_id = $1 and version > $2 order by version limit $3")
        {
            Parameters = { Value(streamId), Value(afterVersion), Value(limit) },
        };
        return await Read(session, command, ct);
    }

    /// <summary>
    /// Up to <paramref name="limit"/> events of every stream after the global sequence <paramref name="afterSequence"/>, in
    /// sequence order (the live feed's read, see <c>Live/EventFeed</c>).
    /// </summary>
    public static Task<IReadOnlyList<LedgerEvent>> After(IQuerySession session, long afterSequence, int limit, CancellationToken ct) =>
        Read(session, new NpgsqlCommand($"select {Columns} from {Events(session)} where seq_id > $1 order by seq_id limit $2")
        {
            Parameters = { Value(afterSequence), Value(limit) },
        }, ct);

    /// <summary>Up to <paramref name="limit"/> events across all streams matching the filter, newest first.</summary>
    public static Task<IReadOnlyList<LedgerEvent>> Trail(IQuerySession session, AuditQuery query, int limit, CancellationToken ct) =>
        Read(session, TrailCommand(Events(session), query, limit), ct);

    /// <summary>The audit trail's SQL: only the filters given become conditions, so the planner picks the index that serves them.</summary>
    internal static NpgsqlCommand TrailCommand(string events, AuditQuery query, int limit)
    {
        var command = new NpgsqlCommand();
        var where = new List<string>();
        string Parameter(object value)
        {
            command.Parameters.Add(Value(value));
            return $"${command.Parameters.Count}";
        }

        if (query.BeforeSequence is { } before) where.Add($"seq_id < {Parameter(before)}");
        if (query.ActorId is { } actor) where.Add($"user_name = {Parameter(actor)}");
        if (query.StreamIds is { } streams) where.Add($"stream_id = any({Parameter(streams.ToArray())})");
        if (query.EventTypes is { } types) where.Add($"type = any({Parameter(types.ToArray())})");
        if (query.From is { } from) where.Add($"timestamp >= {Parameter(from.ToUniversalTime())}");
        if (query.To is { } to) where.Add($"timestamp < {Parameter(to.ToUniversalTime())}");
        var filter = where.Count == 0 ? "" : "where " + string.Join(" and ", where);
        command.CommandText = $"select {Columns} from {events} {filter} order by seq_id desc limit {Parameter(limit)}";
        return command;
    }

    /// <summary>Recorded time and correlation of the given versions of one stream: one lookup by the stream's primary key.</summary>
    public static async Task<IReadOnlyDictionary<long, RecordedMetadata>> Metadata(IQuerySession session, Guid streamId,
        IReadOnlyCollection<long> versions, CancellationToken ct)
    {
        if (versions.Count == 0) return new Dictionary<long, RecordedMetadata>();
        var command = new NpgsqlCommand(
            $"select version, timestamp, correlation_id from {Events(session)} where stream_id = $1 and version = any($2)")
        {
            Parameters = { Value(streamId), Value(versions.Distinct().ToArray()) },
        };
        var found = new Dictionary<long, RecordedMetadata>();
        await using var reader = await session.ExecuteReaderAsync(command, ct);
        while (await reader.ReadAsync(ct))
        {
            var version = reader.GetInt64(0);
            found[version] = new RecordedMetadata(version, reader.GetFieldValue<DateTimeOffset>(1), NullableString(reader, 2));
        }
        return found;
    }

    /// <summary>
    /// The version of a stream as it stood at <paramref name="instant"/>: its last event recorded at or before it, 0
    /// when there is none. One descent of the (stream_id, timestamp, version) index, however long the stream. Within
    /// a stream recorded times rise with versions: every append checks the expected version, so an episode has one
    /// writer at a time, and Marten stamps each event with the writing server's clock (see docs/05-auditing.md).
    /// </summary>
    public static async Task<long> VersionAt(IQuerySession session, Guid streamId, DateTimeOffset instant, CancellationToken ct)
    {
        await using var reader = await session.ExecuteReaderAsync(VersionAtCommand(Events(session), streamId, instant), ct);
        return await reader.ReadAsync(ct) ? reader.GetInt64(0) : 0;
    }

    internal static NpgsqlCommand VersionAtCommand(string events, Guid streamId, DateTimeOffset instant) =>
        new($"select version from {events} where stream_id = $1 and timestamp <= $2 order by timestamp desc, version desc limit 1")
        {
            Parameters = { Value(streamId), Value(instant.ToUniversalTime()) },
        };

    private static async Task<IReadOnlyList<LedgerEvent>> Read(IQuerySession session, NpgsqlCommand command, CancellationToken ct)
    {
        var events = new List<LedgerEvent>();
        await using var reader = await session.ExecuteReaderAsync(command, ct);
        while (await reader.ReadAsync(ct))
        {
            using var data = JsonDocument.Parse(reader.GetString(11));
            events.Add(new LedgerEvent(
                reader.GetInt64(0),
                reader.GetGuid(1),
                reader.GetGuid(2),
                reader.GetInt64(3),
                reader.GetString(4),
                reader.GetFieldValue<DateTimeOffset>(5),
                ActorOf(NullableString(reader, 6), NullableString(reader, 7), NullableString(reader, 8)),
                NullableString(reader, 9),
                NullableString(reader, 10),
                data.RootElement.Clone()));
        }
        return events;
    }

    // Npgsql writes timestamptz only from UTC offsets: callers convert with ToUniversalTime.
    private static NpgsqlParameter Value(object value) => new() { Value = value };

    /// <summary>The actor from the metadata columns; null for an event written without one.</summary>
    private static ActorRef? ActorOf(string? id, string? role, string? name) =>
        id is null ? null : new ActorRef(id, role ?? "unknown", name ?? id);

    private static string? NullableString(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
