using System.Diagnostics.Metrics;
using Marten;

namespace RehabLedger.MerkleLog;

/// <summary>
/// The heads this node has committed, for whoever waits on them: a test or a caller waits for the head that covers a
/// sequence instead of sleeping. Also the lag of each head (how long its page's oldest event waited), as the metric
/// <c>rehabledger.ledger.head_lag</c> in milliseconds.
/// </summary>
public sealed class LedgerProgress : IDisposable
{
    private static readonly Meter Meter = new("RehabLedger.MerkleLog");
    private static readonly Histogram<double> Lag = Meter.CreateHistogram<double>("rehabledger.ledger.head_lag", "ms",
        "Time from an event's recording to the first signed tree head covering it (the oldest event of each page).");

    private readonly object _gate = new();
    private readonly List<(long Sequence, TaskCompletionSource<StoredHead> Done)> _waiting = [];

    public StoredHead? Latest { get; private set; }

    public void Announce(StoredHead head)
    {
        Lag.Record(head.LagMilliseconds);
        List<TaskCompletionSource<StoredHead>> done;
        lock (_gate)
        {
            Latest = head;
            done = [.. _waiting.Where(w => w.Sequence <= head.Head.LastSequence).Select(w => w.Done)];
            _waiting.RemoveAll(w => w.Sequence <= head.Head.LastSequence);
        }
        foreach (var waiter in done) waiter.TrySetResult(head);
    }

    /// <summary>The first head that covers <paramref name="sequence"/>: the stored one if it exists, else the next one committed.</summary>
    public async Task<StoredHead> WaitForAsync(long sequence, IQuerySession session, CancellationToken ct)
    {
        var done = new TaskCompletionSource<StoredHead>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate) _waiting.Add((sequence, done));
        if (await LedgerStore.LatestHead(session, ct) is { } stored && stored.Head.LastSequence >= sequence)
        {
            lock (_gate) _waiting.RemoveAll(w => w.Done == done);
            return stored;
        }
        await using var _ = ct.Register(() => done.TrySetCanceled(ct));
        return await done.Task;
    }

    /// <summary>Forgets the last head: the store was emptied (tests).</summary>
    public void Reset()
    {
        lock (_gate) Latest = null;
    }

    public void Dispose() => Meter.Dispose();
}
