using System.Security.Cryptography;

namespace RehabLedger.Verify;

/// <summary>
/// RFC 9162's hashing and its proof-checking algorithms (2.1.3.2 and 2.1.4.2), written from the RFC. Every element
/// of a proof is used, and a proof with an element too many or too few fails: the check ends only when the proof
/// is used up exactly and the walk has reached the top of the tree.
/// </summary>
public static class Rfc9162
{
    public static byte[] Leaf(ReadOnlySpan<byte> entry)
    {
        var buffer = new byte[entry.Length + 1];
        entry.CopyTo(buffer.AsSpan(1));
        return SHA256.HashData(buffer);
    }

    public static byte[] Node(byte[] left, byte[] right) => SHA256.HashData([1, .. left, .. right]);

    /// <summary>MTH(D[n]) over leaf hashes, from the definition's recursion (split at the largest power of two below n).</summary>
    public static byte[] Root(IReadOnlyList<byte[]> leaves) => leaves.Count == 0 ? SHA256.HashData([]) : Root(leaves, 0, leaves.Count);

    private static byte[] Root(IReadOnlyList<byte[]> leaves, int start, int end)
    {
        if (end - start == 1) return leaves[start];
        var k = 1;
        while (k * 2 < end - start) k *= 2;
        return Node(Root(leaves, start, start + k), Root(leaves, start + k, end));
    }

    /// <summary>RFC 9162 2.1.3.2: is the leaf at <paramref name="index"/> in the tree of <paramref name="size"/> with this root?</summary>
    public static bool VerifyInclusion(long index, long size, byte[] leafHash, IReadOnlyList<byte[]> path, byte[] root)
    {
        if (index < 0 || index >= size || leafHash.Length != 32 || root.Length != 32) return false;
        long fn = index, sn = size - 1;
        var r = leafHash;
        foreach (var p in path)
        {
            if (p.Length != 32 || sn == 0) return false;
            if ((fn & 1) == 1 || fn == sn)
            {
                r = Node(p, r);
                if ((fn & 1) == 0)
                    while ((fn & 1) == 0 && fn != 0)
                    {
                        fn >>= 1;
                        sn >>= 1;
                    }
            }
            else r = Node(r, p);
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && r.AsSpan().SequenceEqual(root);
    }

    /// <summary>RFC 9162 2.1.4.2: is the tree of <paramref name="newSize"/> an extension of the one of <paramref name="oldSize"/>?</summary>
    public static bool VerifyConsistency(long oldSize, long newSize, byte[] oldRoot, byte[] newRoot, IReadOnlyList<byte[]> proof)
    {
        if (oldSize <= 0 || oldSize > newSize || oldRoot.Length != 32 || newRoot.Length != 32 || proof.Any(p => p.Length != 32)) return false;
        if (oldSize == newSize) return proof.Count == 0 && oldRoot.AsSpan().SequenceEqual(newRoot);
        if (proof.Count == 0) return false;
        var path = new List<byte[]>(proof);
        // When the old tree is a complete subtree of the new one, its root is the proof's implicit first element.
        if ((oldSize & (oldSize - 1)) == 0) path.Insert(0, oldRoot);
        long fn = oldSize - 1, sn = newSize - 1;
        while ((fn & 1) == 1)
        {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = path[0], sr = path[0];
        foreach (var c in path.Skip(1))
        {
            if (sn == 0) return false;
            if ((fn & 1) == 1 || fn == sn)
            {
                fr = Node(c, fr);
                sr = Node(c, sr);
                if ((fn & 1) == 0)
                    while ((fn & 1) == 0 && fn != 0)
                    {
                        fn >>= 1;
                        sn >>= 1;
                    }
            }
            else sr = Node(sr, c);
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && fr.AsSpan().SequenceEqual(oldRoot) && sr.AsSpan().SequenceEqual(newRoot);
    }
}
