using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using Marten.Services;
using Marten.Subscriptions;

namespace RehabLedger.MerkleLog;

/// <summary>
/// Extends the log and signs a head for every page of events the async daemon hands it. A Marten subscription, so
/// only the daemon's leader runs it (HotCold: one node holds the advisory lock) and it sees every event once the high
/// water mark has passed it, in sequence order. The leaves, nodes and head are queued on the daemon's session and
/// committed with the subscription's progress, in one transaction. The log's own tables are the authority on how far
/// it reaches: a page already in the log (a retry after a crash between commit and acknowledgement) adds nothing.
/// </summary>
public sealed class LedgerProducer : SubscriptionBase
{
    public const string SubscriptionName = "ledger";

    private readonly LedgerSigner _signer;
    private readonly LedgerProgress _progress;

    public LedgerProducer(LedgerSigner signer, LedgerProgress progress)
    {
        _signer = signer;
        _progress = progress;
        // The base class's name is the shard's: the daemon keeps the log's progress under it.
        Name = SubscriptionName;
    }

    // Heads are stamped like events: with the clock of the node that writes them, never a test's clock.
    private static readonly TimeProvider Clock = TimeProvider.System;

    public override async Task<IChangeListener> ProcessEventsAsync(EventRange page, ISubscriptionController controller,
        IDocumentOperations operations, CancellationToken cancellationToken)
    {
        var (size, lastSequence) = await LedgerStore.Extent(operations, cancellationToken);
        var entries = await LedgerStore.Entries(operations, lastSequence, page.SequenceCeiling, cancellationToken);
        if (entries.Count == 0) return NullChangeListener.Instance;

        var edge = MerkleTree.Frontier(size).ToList();
        var stored = await LedgerStore.Nodes(operations, edge, cancellationToken);
        var growth = TreeAppender.Append(size, [.. edge.Select(key => new TreeNode(key, stored[key]))], [.. entries.Select(e => e.LeafHash())]);
        var head = _signer.Sign(growth.Size, growth.Root, entries[^1].Sequence, Clock.GetUtcNow());
        // How long the oldest event of the page waited for a head that covers it.
        var lag = Math.Max(0, (head.Timestamp.ToUnixTimeMilliseconds() * 1000.0 - entries[0].TimestampMicroseconds) / 1000);
        LedgerStore.Queue(operations, entries, growth, head, lag);
        return new Published(_progress, new StoredHead(head, lag));
    }

    /// <summary>Announces the head once it is committed.</summary>
    private sealed class Published(LedgerProgress progress, StoredHead head) : IChangeListener
    {
        public Task BeforeCommitAsync(IDocumentSession session, IChangeSet commit, CancellationToken token) => Task.CompletedTask;

        public Task AfterCommitAsync(IDocumentSession session, IChangeSet commit, CancellationToken token)
        {
            progress.Announce(head);
            return Task.CompletedTask;
        }
    }
}
