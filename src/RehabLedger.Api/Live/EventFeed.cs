using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Marten;
using Npgsql;
using RehabLedger.Audit;
using RehabLedger.Common;
using RehabLedger.Infrastructure.Postgres;

namespace RehabLedger.Live;

/// <summary>
/// The one feed of new events on this node: reads what any node appended to <c>mt_events</c>, in global-sequence order,
/// and fans it out to this node's subscriptions. Fed from the store rather than an in-process bus, so a write made
/// through another node reaches subscribers here, and a subscription resumed after a restart reads what it missed
/// from the same table.
/// </summary>
/// <remarks>
/// Woken by a short poll (<see cref="LiveOptions.PollInterval"/>): one indexed read of the rows past the feed's position,
/// which costs about what a LISTEN/NOTIFY wake-up costs without a trigger on every append. Sequences are taken before
/// their transactions commit, so a higher one can become visible before a lower one. The feed hands out only an
/// unbroken run: a gap is waited for until every transaction that was running when it was seen has ended
/// (PostgreSQL's snapshot xmin passes the xmax noted then), and only then skipped as a rolled-back append.
/// </remarks>
public sealed class EventFeed(IDocumentStore store, LiveOptions options, IServiceProvider services, ILogger<EventFeed> logger) : BackgroundService
{
    private const int Batch = 500;
    private readonly Lock _gate = new();
    private readonly List<Channel<LedgerEvent>> _subscribers = [];
    private long? _position;
    private Guid? _lastId;
    private Gap? _gap;

    /// <summary>The sequence of the last event the feed handed out; null until its first read.</summary>
    public long? Position { get { lock (_gate) return _position; } }

    /// <summary>
    /// Every event after <paramref name="since"/> (after the feed's position when null), each once, in sequence order,
    /// until <paramref name="ct"/> ends it. Events the feed has already passed are read from the store first.
    /// A subscriber that falls <see cref="LiveOptions.Backlog"/> events behind is ended with <see cref="LiveErrorCodes.SlowConsumer"/>.
    /// </summary>
    public async IAsyncEnumerable<LedgerEvent> Read(long? since, [EnumeratorCancellation] CancellationToken ct)
    {
        long position;
        var channel = Channel.CreateBounded<LedgerEvent>(new BoundedChannelOptions(options.Backlog) { SingleReader = true });
        lock (_gate)
        {
            position = _position!.Value;
            _subscribers.Add(channel);
        }
        try
        {
            var after = since ?? position;
            while (after < position)
            {
                await using var session = store.QuerySession();
                var missed = await Ledger.After(session, after, Batch, ct);
                foreach (var e in missed.TakeWhile(e => e.Sequence <= position))
                {
                    yield return e;
                    after = e.Sequence;
                }
                if (missed.Count < Batch || missed[^1].Sequence >= position) break;
            }
            after = Math.Max(after, position);
            await foreach (var e in channel.Reader.ReadAllAsync(ct))
                if (e.Sequence > after)
                    yield return e;
        }
        finally
        {
            lock (_gate) _subscribers.Remove(channel);
        }
    }

    /// <summary>
    /// The feed's position after one more read of the store: where a subscription without since starts. Read now rather
    /// than taken from the last poll, so everything committed before the subscription was accepted is behind it.
    /// </summary>
    public async Task<long> StartedAsync(CancellationToken ct)
    {
        // Again while the store has more than one batch or was reset: the start is where the store is now.
        while (await PollAsync(ct) || Position is null) { }
        return Position!.Value;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var full = false;
            try
            {
                full = await PollAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // An outage pauses the feed; subscribers wait and receive everything once the store answers again. It is
                // reported once per outage, with the requests' failures, not once per poll.
                if (DatabaseOutage.IsUnavailable(e) && services.GetService<DatabaseOutage>() is { } outage) outage.Failed(e);
                else logger.LogWarning(e, "The live feed could not read new events; retrying");
            }
            if (!full) await Task.Delay(options.PollInterval, stoppingToken).ContinueWith(_ => { }, CancellationToken.None);
        }
    }

    private readonly SemaphoreSlim _polling = new(1, 1);

    /// <summary>One read of the store; true when a full batch came back and the next should follow at once.</summary>
    private async Task<bool> PollAsync(CancellationToken ct)
    {
        await _polling.WaitAsync(ct);
        try
        {
            await using var session = store.QuerySession();
            var start = Position;
            var rows = start is null ? [] : await Ledger.After(session, start.Value, Batch, ct);
            // Read after the rows: any transaction holding a sequence in a gap among them was running by then.
            var snapshot = await Snapshot(session, start ?? 0, ct);
            if (start is null)
            {
                lock (_gate) (_position, _lastId) = (snapshot.HighWater, snapshot.HighWaterId);
                return false;
            }
            if (start > 0 && snapshot.LastId != _lastId)
            {
                // The event the feed handed out last is gone: the store was emptied under it (a reset). Everything in
                // it now is new.
                lock (_gate) (_position, _lastId) = (0, null);
                _gap = null;
                return true;
            }
            Publish(Unbroken(start.Value, rows, snapshot));
            return rows.Count == Batch;
        }
        finally
        {
            _polling.Release();
        }
    }

    private List<LedgerEvent> Unbroken(long start, IReadOnlyList<LedgerEvent> rows, StoreSnapshot snapshot)
    {
        var run = new List<LedgerEvent>();
        var expected = start + 1;
        foreach (var row in rows)
        {
            if (row.Sequence != expected)
            {
                var settled = _gap is { } gap && gap.From == expected && snapshot.Xmin >= gap.Xmax;
                if (!settled)
                {
                    if (_gap?.From != expected) _gap = new Gap(expected, snapshot.Xmax);
                    break;
                }
                logger.LogDebug("Sequences {From} to {To} were never committed; the live feed passes them", expected, row.Sequence - 1);
            }
            run.Add(row);
            expected = row.Sequence + 1;
        }
        if (run.Count > 0 && _gap is { } open && open.From <= run[^1].Sequence) _gap = null;
        return run;
    }

    private void Publish(List<LedgerEvent> run)
    {
        if (run.Count == 0) return;
        lock (_gate)
        {
            (_position, _lastId) = (run[^1].Sequence, run[^1].Id);
            foreach (var subscriber in _subscribers.ToArray())
            {
                foreach (var e in run)
                {
                    if (subscriber.Writer.TryWrite(e)) continue;
                    subscriber.Writer.TryComplete(LiveErrorCodes.Overflow(options.Backlog));
                    _subscribers.Remove(subscriber);
                    break;
                }
            }
        }
    }

    /// <summary>The newest event, the id of the event at <paramref name="position"/>, and the server's transaction horizon.</summary>
    private static async Task<StoreSnapshot> Snapshot(IQuerySession session, long position, CancellationToken ct)
    {
        var events = Ledger.Table(session.DocumentStore.Options.Events.DatabaseSchemaName);
        var command = new NpgsqlCommand(
            $"select newest.seq_id, newest.id, (select id from {events} where seq_id = $1), " +
            "pg_snapshot_xmin(pg_current_snapshot())::text::bigint, pg_snapshot_xmax(pg_current_snapshot())::text::bigint " +
            $"from (select 1) one left join (select seq_id, id from {events} order by seq_id desc limit 1) newest on true")
        {
            Parameters = { new NpgsqlParameter { Value = position } },
        };
        await using var reader = await session.ExecuteReaderAsync(command, ct);
        await reader.ReadAsync(ct);
        return new StoreSnapshot(
            reader.IsDBNull(0) ? 0 : reader.GetInt64(0),
            reader.IsDBNull(1) ? null : reader.GetGuid(1),
            reader.IsDBNull(2) ? null : reader.GetGuid(2),
            reader.GetInt64(3),
            reader.GetInt64(4));
    }

    private sealed record StoreSnapshot(long HighWater, Guid? HighWaterId, Guid? LastId, long Xmin, long Xmax);

    /// <summary>A missing sequence first seen when <paramref name="Xmax"/> was the next transaction id to be given out.</summary>
    private sealed record Gap(long From, long Xmax);

    public override void Dispose()
    {
        _polling.Dispose();
        base.Dispose();
    }
}

/// <summary>The codes a subscription ends with, besides the queries' own.</summary>
public static class LiveErrorCodes
{
    /// <summary>The subscriber read more slowly than events arrived; it may resume from the last sequence it received.</summary>
    public const string SlowConsumer = "SLOW_CONSUMER";

    public static ClinicalRuleViolation Overflow(int backlog) => new(SlowConsumer,
        $"The subscription fell more than {backlog} events behind and was ended; subscribe again with since set to the last sequence received.");
}

/// <summary>How the live feed polls and how far a subscriber may fall behind.</summary>
public sealed class LiveOptions
{
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    public int Backlog { get; set; } = 10_000;

    /// <summary>How long a WebSocket client has to send connection_init.</summary>
    public TimeSpan ConnectionInitTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
