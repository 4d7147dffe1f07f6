using System.Data.Common;
using Marten;
using Npgsql;

namespace RehabLedger.MerkleLog;

/// <summary>The log as stored: how far it reaches, its nodes and heads, and the event rows it is computed from.</summary>
public static class LedgerStore
{
    private static string Schema(IQuerySession session) => session.DocumentStore.Options.Events.DatabaseSchemaName;

    /// <summary>How many entries the log holds and the sequence of the last one (0 for none).</summary>
    public static async Task<(long Size, long LastSequence)> Extent(IQuerySession session, CancellationToken ct)
    {
        await using var reader = await session.ExecuteReaderAsync(new NpgsqlCommand(
            $"select coalesce(max(idx) + 1, 0), coalesce(max(seq_id), 0) from {Schema(session)}.{LedgerTables.Leaves}"), ct);
        await reader.ReadAsync(ct);
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    /// <summary>The stored hashes of the given subtrees, in one round trip; a key the log does not hold is left out.</summary>
    public static async Task<Dictionary<NodeKey, byte[]>> Nodes(IQuerySession session, IEnumerable<NodeKey> keys, CancellationToken ct)
    {
        var wanted = keys.Distinct().ToList();
        var found = new Dictionary<NodeKey, byte[]>();
        if (wanted.Count == 0) return found;
        var schema = Schema(session);
        var command = new NpgsqlCommand($"""
            select 0, idx, leaf_hash from {schema}.{LedgerTables.Leaves} where idx = any($1)
            union all
            select n.level, n.idx, n.hash from {schema}.{LedgerTables.Nodes} n join unnest($2::int[], $3::bigint[]) k(level, idx)
                on n.level = k.level and n.idx = k.idx
            """)
        {
            Parameters =
            {
                new NpgsqlParameter { Value = wanted.Where(k => k.Level == 0).Select(k => k.Index).ToArray() },
                new NpgsqlParameter { Value = wanted.Where(k => k.Level > 0).Select(k => k.Level).ToArray() },
                new NpgsqlParameter { Value = wanted.Where(k => k.Level > 0).Select(k => k.Index).ToArray() },
            },
        };
        await using var reader = await session.ExecuteReaderAsync(command, ct);
        while (await reader.ReadAsync(ct)) found[new NodeKey(reader.GetInt32(0), reader.GetInt64(1))] = reader.GetFieldValue<byte[]>(2);
        return found;
    }

    private const string HeadColumns = "tree_size, root_hash, last_sequence, signed_at, key_id, signature, lag_ms";

    public static async Task<StoredHead?> LatestHead(IQuerySession session, CancellationToken ct) =>
        (await Heads(session, $"order by tree_size desc limit 1", [], ct)).SingleOrDefault();

    public static async Task<StoredHead?> Head(IQuerySession session, long treeSize, CancellationToken ct) =>
        (await Heads(session, "where tree_size = $1", [treeSize], ct)).SingleOrDefault();

    /// <summary>The heads whose last entry lies in [from, to], in order.</summary>
    public static Task<IReadOnlyList<StoredHead>> HeadsEndingIn(IQuerySession session, long from, long to, CancellationToken ct) =>
        Heads(session, "where last_sequence between $1 and $2 order by tree_size", [from, to], ct);

    private static async Task<IReadOnlyList<StoredHead>> Heads(IQuerySession session, string filter, object[] values, CancellationToken ct)
    {
        var command = new NpgsqlCommand($"select {HeadColumns} from {Schema(session)}.{LedgerTables.Heads} {filter}");
        foreach (var value in values) command.Parameters.Add(new NpgsqlParameter { Value = value });
        var heads = new List<StoredHead>();
        await using var reader = await session.ExecuteReaderAsync(command, ct);
        while (await reader.ReadAsync(ct))
            heads.Add(new StoredHead(new SignedTreeHead(reader.GetInt64(0), reader.GetFieldValue<byte[]>(1), reader.GetInt64(2),
                reader.GetFieldValue<DateTimeOffset>(3), reader.GetString(4), reader.GetFieldValue<byte[]>(5)), reader.GetDouble(6)));
        return heads;
    }

    /// <summary>The log position of the event with this sequence, or with this event id; null when the log does not hold it.</summary>
    public static async Task<(long Index, long Sequence, byte[] LeafHash)?> Leaf(IQuerySession session, long? sequence, Guid? eventId, CancellationToken ct)
    {
        var schema = Schema(session);
        var command = sequence is { } s
            ? new NpgsqlCommand($"select idx, seq_id, leaf_hash from {schema}.{LedgerTables.Leaves} where seq_id = $1") { Parameters = { new() { Value = s } } }
            : new NpgsqlCommand($"select l.idx, l.seq_id, l.leaf_hash from {schema}.mt_events e join {schema}.{LedgerTables.Leaves} l on l.seq_id = e.seq_id where e.id = $1")
            {
                Parameters = { new() { Value = eventId!.Value } },
            };
        await using var reader = await session.ExecuteReaderAsync(command, ct);
        return await reader.ReadAsync(ct) ? (reader.GetInt64(0), reader.GetInt64(1), reader.GetFieldValue<byte[]>(2)) : null;
    }

    private const string EntryColumns =
        "seq_id, id, stream_id, version, type, timestamp, user_name, correlation_id, causation_id, headers::text, data::text";

    /// <summary>The event rows with sequences in (after, upTo], in order, as the log encodes them.</summary>
    public static async Task<IReadOnlyList<LedgerEntry>> Entries(IQuerySession session, long after, long upTo, CancellationToken ct)
    {
        var entries = new List<LedgerEntry>();
        await using var reader = await session.ExecuteReaderAsync(EntriesCommand(Schema(session), after, upTo), ct);
        while (await reader.ReadAsync(ct)) entries.Add(ReadEntry(reader, 0)!);
        return entries;
    }

    internal static NpgsqlCommand EntriesCommand(string schema, long after, long upTo) =>
        new($"select {EntryColumns} from {schema}.mt_events where seq_id > $1 and seq_id <= $2 order by seq_id")
        {
            Parameters = { new() { Value = after }, new() { Value = upTo } },
        };

    /// <summary>
    /// Events and log leaves with sequences in [from, to], side by side by sequence: a leaf without its event, or an
    /// event without a leaf, comes as a row with the other side null.
    /// </summary>
    internal static NpgsqlCommand SideBySideCommand(string schema, long from, long to) =>
        new($"""
            select l.idx, l.seq_id, l.leaf_hash, {string.Join(", ", EntryColumns.Split(", ").Select(c => "e." + c))}
            from (select * from {schema}.{LedgerTables.Leaves} where seq_id between $1 and $2) l
            full join (select * from {schema}.mt_events where seq_id between $1 and $2) e on e.seq_id = l.seq_id
            order by coalesce(l.seq_id, e.seq_id)
            """)
        {
            Parameters = { new() { Value = from }, new() { Value = to } },
        };

    /// <summary>The entry whose columns start at <paramref name="at"/>; null when that side of a row is empty.</summary>
    internal static LedgerEntry? ReadEntry(DbDataReader reader, int at) =>
        reader.IsDBNull(at) ? null : new LedgerEntry(
            reader.GetInt64(at),
            reader.GetGuid(at + 1),
            reader.GetGuid(at + 2),
            reader.GetInt64(at + 3),
            reader.GetString(at + 4),
            LedgerEntry.Microseconds(reader.GetFieldValue<DateTimeOffset>(at + 5)),
            Text(reader, at + 6),
            Text(reader, at + 7),
            Text(reader, at + 8),
            Text(reader, at + 9),
            reader.GetString(at + 10));

    private static string? Text(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    /// <summary>Queues the new leaves, nodes and head on the session, to be written in its transaction.</summary>
    public static void Queue(IDocumentOperations operations, IReadOnlyList<LedgerEntry> entries, TreeGrowth growth, SignedTreeHead head, double lagMilliseconds)
    {
        var schema = operations.DocumentStore.Options.Events.DatabaseSchemaName;
        var leaves = growth.NewNodes.Where(n => n.Key.Level == 0).ToList();
        var inner = growth.NewNodes.Where(n => n.Key.Level > 0).ToList();
        operations.QueueSqlCommand($"insert into {schema}.{LedgerTables.Leaves} (idx, seq_id, leaf_hash) select * from unnest(?, ?, ?)",
            leaves.Select(n => n.Key.Index).ToArray(), entries.Select(e => e.Sequence).ToArray(), leaves.Select(n => n.Hash).ToArray());
        if (inner.Count > 0)
            operations.QueueSqlCommand($"insert into {schema}.{LedgerTables.Nodes} (level, idx, hash) select * from unnest(?, ?, ?)",
                inner.Select(n => n.Key.Level).ToArray(), inner.Select(n => n.Key.Index).ToArray(), inner.Select(n => n.Hash).ToArray());
        operations.QueueSqlCommand(
            $"insert into {schema}.{LedgerTables.Heads} ({HeadColumns}) values (?, ?, ?, ?, ?, ?, ?)",
            head.TreeSize, head.RootHash, head.LastSequence, head.Timestamp, head.KeyId, head.Signature, lagMilliseconds);
    }
}

/// <summary>A head as the service keeps it, with how long after its newest event it was signed.</summary>
public sealed record StoredHead(SignedTreeHead Head, double LagMilliseconds);
