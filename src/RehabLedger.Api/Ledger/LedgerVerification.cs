using Marten;
using RehabLedger.Common;

namespace RehabLedger.MerkleLog;

/// <summary>What a verification found, named by the first sequence where the record and the log part.</summary>
public sealed record VerificationReport(long FromSequence, long ToSequence, bool Ok, long CheckedEvents, long CheckedHeads,
    long? FirstBadSequence, string Problem, string Message);

/// <summary>
/// Checks the stored events of a range of sequences against the log: every event recomputed and compared with its
/// leaf, every leaf matched by its event, leaf positions without gaps, and every head that ends in the range signed
/// by the service's key and equal to the root its stored nodes give. Reads the range's events and leaves side by side
/// in one ordered pass (one round trip), then the heads and their nodes (two more).
/// </summary>
public static class LedgerVerification
{
    /// <summary>The widest range one call checks; an auditor walks a larger store range by range.</summary>
    public const long MaxRange = 200_000;

    public static void Check(long fromSequence, long toSequence)
    {
        Validate.That(fromSequence >= 1, "fromSequence", "fromSequence must be at least 1.");
        Validate.That(toSequence >= fromSequence, "toSequence", "toSequence must not be smaller than fromSequence.");
        Validate.That(toSequence - fromSequence < MaxRange, "toSequence", $"One verification covers at most {MaxRange:N0} sequences; verify a larger range piece by piece.");
    }

    public static async Task<VerificationReport> Run(IQuerySession session, LedgerSigner signer, long from, long to, CancellationToken ct)
    {
        var (_, logEnd) = await LedgerStore.Extent(session, ct);
        var problems = new List<(long Sequence, string Problem, string Message)>();
        long events = 0;
        long? previousIndex = null;
        var schema = session.DocumentStore.Options.Events.DatabaseSchemaName;
        await using (var reader = await session.ExecuteReaderAsync(LedgerStore.SideBySideCommand(schema, from, to), ct))
        {
            while (await reader.ReadAsync(ct) && problems.Count == 0)
            {
                var index = reader.IsDBNull(0) ? (long?)null : reader.GetInt64(0);
                var entry = LedgerStore.ReadEntry(reader, 3);
                if (index is null)
                {
                    if (entry!.Sequence <= logEnd)
                        problems.Add((entry.Sequence, "EVENT_NOT_IN_LOG", $"Event {entry.Id} at sequence {entry.Sequence} is not in the log: it was inserted afterwards."));
                    continue;
                }
                var sequence = reader.GetInt64(1);
                if (previousIndex is { } p && index != p + 1)
                    problems.Add((sequence, "LOG_POSITION_MISSING", $"The log jumps from position {p} to {index}."));
                previousIndex = index;
                if (entry is null)
                {
                    problems.Add((sequence, "EVENT_MISSING", $"The log holds sequence {sequence} at position {index}; the store has no such event."));
                    continue;
                }
                events++;
                if (!entry.LeafHash().AsSpan().SequenceEqual(reader.GetFieldValue<byte[]>(2)))
                    problems.Add((sequence, "EVENT_ALTERED", $"The event at sequence {sequence} no longer hashes to its leaf at position {index}."));
            }
        }

        var heads = await LedgerStore.HeadsEndingIn(session, from, to, ct);
        var nodes = await LedgerStore.Nodes(session, heads.SelectMany(h => MerkleTree.Frontier(h.Head.TreeSize)), ct);
        foreach (var head in heads.Select(h => h.Head))
        {
            if (!signer.Signed(head))
                problems.Add((head.LastSequence, "HEAD_SIGNATURE_INVALID", $"The stored head of {head.TreeSize} entries is not signed by this service's key."));
            else if (MerkleTree.Frontier(head.TreeSize).Any(k => !nodes.ContainsKey(k)) ||
                     !TreeAppender.RootOf([.. MerkleTree.Frontier(head.TreeSize).Select(k => new TreeNode(k, nodes[k]))]).AsSpan().SequenceEqual(head.RootHash))
                problems.Add((head.LastSequence, "HEAD_ROOT_MISMATCH", $"The stored head of {head.TreeSize} entries does not match the log's nodes."));
        }

        if (problems.Count == 0)
            return new VerificationReport(from, to, true, events, heads.Count, null, "NONE",
                $"{events} events and {heads.Count} heads match the log.");
        var first = problems.MinBy(p => p.Sequence);
        return new VerificationReport(from, to, false, events, heads.Count, first.Sequence, first.Problem, first.Message);
    }
}
