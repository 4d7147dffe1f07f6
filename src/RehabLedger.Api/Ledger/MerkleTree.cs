using System.Numerics;
using System.Security.Cryptography;

namespace RehabLedger.MerkleLog;

/// <summary>A complete, aligned subtree of the log: the 2^<c>Level</c> leaves from <c>Index</c> * 2^<c>Level</c> on.</summary>
public readonly record struct NodeKey(int Level, long Index);

/// <summary>A run of leaves [<c>Start</c>, <c>End</c>) whose Merkle tree hash is one element of a proof.</summary>
public readonly record struct LeafRange(long Start, long End);

/// <summary>
/// RFC 9162's Merkle tree (section 2.1), as pure functions: leaf and node hashes, the root of a list of leaves, and
/// which subtrees make up an inclusion or consistency proof. Proofs are described as leaf ranges first and hashed
/// afterwards, so the service fetches every stored node a proof needs in one round trip.
/// </summary>
public static class MerkleTree
{
    public const int HashSize = 32;

    /// <summary>The hash of an empty tree: SHA-256 of nothing.</summary>
    public static byte[] EmptyRoot => SHA256.HashData([]);

    /// <summary>MTH({d}) = SHA-256(0x00 || d).</summary>
    public static byte[] LeafHash(ReadOnlySpan<byte> entry)
    {
        var buffer = new byte[entry.Length + 1];
        entry.CopyTo(buffer.AsSpan(1));
        return SHA256.HashData(buffer);
    }

    /// <summary>SHA-256(0x01 || left || right).</summary>
    public static byte[] NodeHash(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right)
    {
        Span<byte> buffer = stackalloc byte[1 + 2 * HashSize];
        buffer[0] = 1;
        left.CopyTo(buffer[1..]);
        right.CopyTo(buffer[(1 + HashSize)..]);
        return SHA256.HashData(buffer);
    }

    /// <summary>The root of all <paramref name="leaves"/> (leaf hashes), straight from the definition; for tests and small trees.</summary>
    public static byte[] Root(IReadOnlyList<byte[]> leaves) =>
        leaves.Count == 0 ? EmptyRoot : RangeHash(new LeafRange(0, leaves.Count), key => SubtreeOf(leaves, key));

    /// <summary>The largest power of two smaller than <paramref name="n"/> (n &gt; 1): where RFC 9162 splits a tree of n leaves.</summary>
    public static long Split(long n) => 1L << (63 - BitOperations.LeadingZeroCount((ulong)(n - 1)));

    /// <summary>PATH(m, D[n]) of RFC 9162 2.1.3.1 as leaf ranges, in proof order (from the leaf up).</summary>
    public static IReadOnlyList<LeafRange> InclusionRanges(long leafIndex, long treeSize)
    {
        if (treeSize <= 0 || leafIndex < 0 || leafIndex >= treeSize)
            throw new ArgumentOutOfRangeException(nameof(leafIndex), $"Leaf {leafIndex} is not in a tree of {treeSize}.");
        var path = new List<LeafRange>();
        Path(leafIndex, 0, treeSize, path);
        return path;
    }

    private static void Path(long m, long start, long end, List<LeafRange> path)
    {
        if (end - start == 1) return;
        var k = Split(end - start);
        if (m < start + k)
        {
            Path(m, start, start + k, path);
            path.Add(new LeafRange(start + k, end));
        }
        else
        {
            Path(m, start + k, end, path);
            path.Add(new LeafRange(start, start + k));
        }
    }

    /// <summary>PROOF(m, D[n]) of RFC 9162 2.1.4.1 as leaf ranges, in proof order; empty when m equals n.</summary>
    public static IReadOnlyList<LeafRange> ConsistencyRanges(long oldSize, long newSize)
    {
        if (oldSize <= 0 || oldSize > newSize)
            throw new ArgumentOutOfRangeException(nameof(oldSize), $"No consistency proof from a tree of {oldSize} to one of {newSize}.");
        var proof = new List<LeafRange>();
        SubProof(oldSize, 0, newSize, true, proof);
        return proof;
    }

    private static void SubProof(long m, long start, long end, bool whole, List<LeafRange> proof)
    {
        if (m == end)
        {
            if (!whole) proof.Add(new LeafRange(start, end));
            return;
        }
        var k = Split(end - start);
        if (m <= start + k)
        {
            SubProof(m, start, start + k, whole, proof);
            proof.Add(new LeafRange(start + k, end));
        }
        else
        {
            SubProof(m, start + k, end, false, proof);
            proof.Add(new LeafRange(start, start + k));
        }
    }

    /// <summary>
    /// The complete aligned subtrees a range of a proof (or a whole tree) hashes from: a range that is itself one
    /// is that node; any other is split where RFC 9162 splits it. Every range a proof or a root asks for starts
    /// at a multiple of its left part's size, so the parts are aligned.
    /// </summary>
    public static IEnumerable<NodeKey> NodesOf(LeafRange range)
    {
        var size = range.End - range.Start;
        if (BitOperations.IsPow2(size) && range.Start % size == 0)
        {
            yield return new NodeKey(BitOperations.Log2((ulong)size), range.Start / size);
            yield break;
        }
        var k = Split(size);
        foreach (var key in NodesOf(new LeafRange(range.Start, range.Start + k))) yield return key;
        foreach (var key in NodesOf(new LeafRange(range.Start + k, range.End))) yield return key;
    }

    /// <summary>MTH(D[start:end]) from the hashes of its complete subtrees.</summary>
    public static byte[] RangeHash(LeafRange range, Func<NodeKey, byte[]> node)
    {
        var size = range.End - range.Start;
        if (BitOperations.IsPow2(size) && range.Start % size == 0) return node(new NodeKey(BitOperations.Log2((ulong)size), range.Start / size));
        var k = Split(size);
        return NodeHash(RangeHash(new LeafRange(range.Start, range.Start + k), node), RangeHash(new LeafRange(range.Start + k, range.End), node));
    }

    /// <summary>The complete subtrees on the right edge of a tree of <paramref name="size"/> leaves, largest first.</summary>
    public static IEnumerable<NodeKey> Frontier(long size)
    {
        for (var level = 62; level >= 0; level--)
            if ((size & (1L << level)) != 0) yield return new NodeKey(level, (size >> level) - 1);
    }

    private static byte[] SubtreeOf(IReadOnlyList<byte[]> leaves, NodeKey key)
    {
        var start = key.Index << key.Level;
        var size = 1L << key.Level;
        if (size == 1) return leaves[(int)start];
        return NodeHash(SubtreeOf(leaves, new NodeKey(key.Level - 1, key.Index * 2)), SubtreeOf(leaves, new NodeKey(key.Level - 1, key.Index * 2 + 1)));
    }
}
