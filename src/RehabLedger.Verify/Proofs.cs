namespace RehabLedger.Verify;

/// <summary>An inclusion proof as the service answers <c>ledgerInclusion</c>, with the head it proves against.</summary>
public sealed class InclusionProof
{
    public long LeafIndex { get; set; }
    public long TreeSize { get; set; }
    public string LeafHash { get; set; } = "";
    public List<string> Path { get; set; } = [];
    public Head Head { get; set; } = new();
    /// <summary>The event itself, when the auditor has it: its leaf hash is then recomputed rather than taken.</summary>
    public Entry? Event { get; set; }
}

/// <summary>A consistency proof as the service answers <c>ledgerConsistency</c>, between two heads.</summary>
public sealed class ConsistencyProof
{
    public List<string> Path { get; set; } = [];
    public Head From { get; set; } = new();
    public Head To { get; set; } = new();
}

/// <summary>Checks proofs against signed heads: signatures, sizes, and every element of the path (RFC 9162).</summary>
public static class ProofCheck
{
    public static Finding Inclusion(InclusionProof proof, HeadSignature key)
    {
        if (!key.Verifies(proof.Head))
            return new Finding(false, "HEAD_SIGNATURE_INVALID", proof.Head.LastSequence, "The proof's head is not signed by the service's key.", 0);
        if (proof.TreeSize != proof.Head.TreeSize)
            return new Finding(false, "PROOF_INVALID", null, $"The proof is for a tree of {proof.TreeSize}, the head has {proof.Head.TreeSize}.", 0);
        var leaf = Convert.FromHexString(proof.LeafHash);
        if (proof.Event is { } e && !Rfc9162.Leaf(e.Encode()).AsSpan().SequenceEqual(leaf))
            return new Finding(false, "EVENT_ALTERED", e.Sequence, "The event does not hash to the proof's leaf.", 1);
        var path = Hashes(proof.Path);
        return path is not null && Rfc9162.VerifyInclusion(proof.LeafIndex, proof.TreeSize, leaf, path, proof.Head.Root)
            ? Finding.Good(proof.Event is null ? 0 : 1, $"Leaf {proof.LeafIndex} is in the signed tree of {proof.TreeSize}.")
            : new Finding(false, "PROOF_INVALID", proof.Event?.Sequence, $"The path does not lead from leaf {proof.LeafIndex} to the head's root.", 0);
    }

    public static Finding Consistency(ConsistencyProof proof, HeadSignature key)
    {
        foreach (var head in new[] { proof.From, proof.To })
            if (!key.Verifies(head))
                return new Finding(false, "HEAD_SIGNATURE_INVALID", head.LastSequence, $"The head of {head.TreeSize} is not signed by the service's key.", 0);
        var path = Hashes(proof.Path);
        return path is not null && Rfc9162.VerifyConsistency(proof.From.TreeSize, proof.To.TreeSize, proof.From.Root, proof.To.Root, path)
            ? Finding.Good(0, $"The tree of {proof.To.TreeSize} extends the tree of {proof.From.TreeSize}: nothing before was changed.")
            : new Finding(false, "PROOF_INVALID", proof.From.LastSequence,
                $"The tree of {proof.To.TreeSize} is not an extension of the tree of {proof.From.TreeSize}: history up to sequence {proof.From.LastSequence} differs.", 0);
    }

    private static List<byte[]>? Hashes(IEnumerable<string> hex)
    {
        try
        {
            return [.. hex.Select(Convert.FromHexString)];
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
