using Marten;
using RehabLedger.Common;

namespace RehabLedger.MerkleLog;

public sealed record InclusionAnswer(long LeafIndex, long TreeSize, long Sequence, byte[] LeafHash, IReadOnlyList<byte[]> Path, SignedTreeHead Head);

public sealed record ConsistencyAnswer(IReadOnlyList<byte[]> Path, SignedTreeHead From, SignedTreeHead To);

/// <summary>
/// Proofs over the stored log. Each names the subtrees RFC 9162 asks for (<see cref="MerkleTree"/>), reads every
/// stored node they hash from in one round trip, and hashes them up: three round trips for a proof, whatever the
/// size of the log.
/// </summary>
public static class LedgerProofs
{
    public static async Task<SignedTreeHead> HeadOrLatest(IQuerySession session, long? treeSize, CancellationToken ct)
    {
        var head = treeSize is { } size ? await LedgerStore.Head(session, size, ct) : await LedgerStore.LatestHead(session, ct);
        return head?.Head ?? throw (treeSize is null
            ? new ClinicalRuleViolation(ErrorCodes.NotFound, "The log has no signed head yet: no event has been logged.")
            : new ClinicalRuleViolation(ErrorCodes.NotFound, $"No signed head has tree size {treeSize}.", "treeSize"));
    }

    public static void CheckInclusion(long? sequence, Guid? eventId) =>
        Validate.That(sequence is null != eventId is null, sequence is null ? "sequence" : "eventId",
            "Give exactly one of sequence or eventId.");

    public static async Task<InclusionAnswer> Inclusion(IQuerySession session, long? sequence, Guid? eventId, long? treeSize, CancellationToken ct)
    {
        var head = await HeadOrLatest(session, treeSize, ct);
        var leaf = await LedgerStore.Leaf(session, sequence, eventId, ct) ?? throw new ClinicalRuleViolation(ErrorCodes.NotFound,
            sequence is { } s ? $"No event with sequence {s} is in the log." : $"No event with id {eventId} is in the log.",
            sequence is null ? "eventId" : "sequence");
        if (leaf.Index >= head.TreeSize)
            throw ClinicalRuleViolation.Invalid("treeSize",
                $"The event was logged at position {leaf.Index}, after the head of {head.TreeSize} entries; ask for a later head.");
        var path = await Hash(session, MerkleTree.InclusionRanges(leaf.Index, head.TreeSize), ct);
        return new InclusionAnswer(leaf.Index, head.TreeSize, leaf.Sequence, leaf.LeafHash, path, head);
    }

    public static async Task<ConsistencyAnswer> Consistency(IQuerySession session, long fromTreeSize, long toTreeSize, CancellationToken ct)
    {
        Validate.That(fromTreeSize > 0, "fromTreeSize", "fromTreeSize must be at least 1.");
        Validate.That(fromTreeSize <= toTreeSize, "toTreeSize", "toTreeSize must not be smaller than fromTreeSize.");
        var from = await LedgerStore.Head(session, fromTreeSize, ct)
                   ?? throw new ClinicalRuleViolation(ErrorCodes.NotFound, $"No signed head has tree size {fromTreeSize}.", "fromTreeSize");
        var to = await LedgerStore.Head(session, toTreeSize, ct)
                 ?? throw new ClinicalRuleViolation(ErrorCodes.NotFound, $"No signed head has tree size {toTreeSize}.", "toTreeSize");
        return new ConsistencyAnswer(await Hash(session, MerkleTree.ConsistencyRanges(fromTreeSize, toTreeSize), ct), from.Head, to.Head);
    }

    private static async Task<IReadOnlyList<byte[]>> Hash(IQuerySession session, IReadOnlyList<LeafRange> ranges, CancellationToken ct)
    {
        var nodes = await LedgerStore.Nodes(session, ranges.SelectMany(MerkleTree.NodesOf), ct);
        return [.. ranges.Select(r => MerkleTree.RangeHash(r, key => nodes.TryGetValue(key, out var hash) ? hash
            : throw new InvalidOperationException($"The log lacks its node {key}: its tables were changed outside the service.")))];
    }
}
