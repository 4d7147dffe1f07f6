using System.Buffers.Binary;

namespace RehabLedger.MerkleLog;

/// <summary>
/// The log's state at one moment, signed: how many entries it holds, their root hash, the sequence of the last one,
/// and when the head was made. An auditor keeps heads outside the service; every later answer must agree with them.
/// </summary>
public sealed record SignedTreeHead(long TreeSize, byte[] RootHash, long LastSequence, DateTimeOffset Timestamp, string KeyId, byte[] Signature)
{
    /// <summary>ASCII "RLH1": a RehabLedger tree head, format 1.</summary>
    private static readonly byte[] Magic = "RLH1"u8.ToArray();

    /// <summary>
    /// The bytes the signature covers (docs/05-auditing.md, "Signed tree heads"): "RLH1", the tree size, the timestamp
    /// in milliseconds since 1970-01-01T00:00:00Z and the last sequence, each 8 bytes big-endian, then the 32-byte root.
    /// </summary>
    public static byte[] SignedBytes(long treeSize, long timestampMilliseconds, long lastSequence, ReadOnlySpan<byte> root)
    {
        var bytes = new byte[4 + 8 + 8 + 8 + MerkleTree.HashSize];
        Magic.CopyTo(bytes, 0);
        BinaryPrimitives.WriteInt64BigEndian(bytes.AsSpan(4), treeSize);
        BinaryPrimitives.WriteInt64BigEndian(bytes.AsSpan(12), timestampMilliseconds);
        BinaryPrimitives.WriteInt64BigEndian(bytes.AsSpan(20), lastSequence);
        root.CopyTo(bytes.AsSpan(28));
        return bytes;
    }

    public byte[] SignedBytes() => SignedBytes(TreeSize, Timestamp.ToUnixTimeMilliseconds(), LastSequence, RootHash);
}
