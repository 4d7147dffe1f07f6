namespace RehabLedger.Verify;

/// <summary>What a check found: nothing (<c>Ok</c>), or the first sequence at which the record and the log part.</summary>
public sealed record Finding(bool Ok, string Problem, long? FirstBadSequence, string Message, long CheckedEvents)
{
    public static Finding Good(long events, string message) => new(true, "NONE", null, message, events);

    public override string ToString() =>
        Ok ? $"OK: {Message}" : $"TAMPERED: {Problem} at sequence {FirstBadSequence?.ToString() ?? "(none)"}: {Message}";
}

/// <summary>
/// Recomputes a signed head from an export of events. The head's signature is checked first; then every line, in
/// sequence order: each event's leaf hash is computed from its columns and must equal the hash the log holds at its
/// position; no event may lack a position, no position its event, and positions must run 0, 1, 2, ... with no gap.
/// Last, the root of the recomputed leaves must equal the head's. The first line that breaks a rule names the first
/// bad sequence; when none does but the root differs, the head is wrong for this export.
/// </summary>
public static class ExportCheck
{
    public static Finding Run(IEnumerable<ExportLine> lines, Head head, HeadSignature key)
    {
        if (!key.Verifies(head))
            return new Finding(false, "HEAD_SIGNATURE_INVALID", head.LastSequence,
                $"The head of {head.TreeSize} entries (up to sequence {head.LastSequence}) is not signed by key {key.KeyId}.", 0);

        var leaves = new List<byte[]>();
        Finding? first = null;
        long events = 0, lastSequence = 0;
        foreach (var line in lines)
        {
            if (line.Sequence <= lastSequence)
                return new Finding(false, "EXPORT_OUT_OF_ORDER", line.Sequence, $"Sequence {line.Sequence} comes after {lastSequence}.", events);
            lastSequence = line.Sequence;
            if (line.Index is null)
            {
                // An event the log does not hold: fine past the head's end (not yet logged), forged within it.
                if (line.Sequence <= head.LastSequence)
                    first ??= new Finding(false, "EVENT_NOT_IN_LOG", line.Sequence, $"Event {line.Event?.Id} at sequence {line.Sequence} is not in the log.", events);
                continue;
            }
            if (line.Index >= head.TreeSize) continue;
            if (line.Index != leaves.Count)
            {
                first ??= new Finding(false, "LOG_POSITION_MISSING", line.Sequence, $"The export jumps from position {leaves.Count - 1} to {line.Index}.", events);
                return first;
            }
            var logged = line.LeafHash is null ? null : Convert.FromHexString(line.LeafHash);
            if (line.Event is null)
            {
                if (line.Redacted && logged is not null)
                {
                    leaves.Add(logged);
                    continue;
                }
                first ??= new Finding(false, "EVENT_MISSING", line.Sequence, $"The log holds sequence {line.Sequence} at position {line.Index}; the store has no such event.", events);
                leaves.Add(logged ?? new byte[32]);
                continue;
            }
            events++;
            var computed = Rfc9162.Leaf(line.Event.Encode());
            if (line.Event.Sequence != line.Sequence || logged is null || !computed.AsSpan().SequenceEqual(logged))
                first ??= new Finding(false, "EVENT_ALTERED", line.Sequence,
                    $"The event at sequence {line.Sequence} does not hash to the leaf the log holds at position {line.Index}.", events);
            leaves.Add(computed);
        }

        if (first is not null) return first;
        if (leaves.Count < head.TreeSize)
            return new Finding(false, "EVENT_MISSING", lastSequence + 1,
                $"The export ends after {leaves.Count} of the head's {head.TreeSize} entries.", events);
        var root = Rfc9162.Root(leaves);
        return root.AsSpan().SequenceEqual(head.Root)
            ? Finding.Good(events, $"{leaves.Count} entries up to sequence {head.LastSequence} match the signed head ({events} events recomputed).")
            : new Finding(false, "ROOT_MISMATCH", head.LastSequence,
                $"The export's entries hash to {Convert.ToHexStringLower(root)}, the head says {head.RootHash}.", events);
    }
}
