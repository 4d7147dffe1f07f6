using System.Buffers.Binary;
using System.Text;

namespace RehabLedger.MerkleLog;

/// <summary>
/// One row of <c>mt_events</c> as the log commits to it: every column an auditor reads, with the JSON columns as the
/// text PostgreSQL answers for <c>data::text</c> and <c>headers::text</c> (jsonb's own, deterministic rendering).
/// </summary>
public sealed record LedgerEntry(
    long Sequence,
    Guid Id,
    Guid StreamId,
    long Version,
    string Type,
    long TimestampMicroseconds,
    string? UserName,
    string? CorrelationId,
    string? CausationId,
    string? Headers,
    string Data)
{
    public const byte FormatVersion = 1;
    private const uint Absent = uint.MaxValue;

    public static long Microseconds(DateTimeOffset instant) => (instant.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10;

    /// <summary>
    /// The canonical bytes (docs/05-auditing.md, "The entry"): the format version (0x01); the sequence; the event id
    /// and the stream id, 16 bytes each in RFC 9562 order (the order of the hex digits in the text form); the version;
    /// the timestamp in microseconds since 1970-01-01T00:00:00Z; then type, user name, correlation id, causation id,
    /// headers and data, each as a 4-byte length and its UTF-8 bytes, or the length 0xFFFFFFFF alone for a null.
    /// Integers are 8-byte two's complement, big-endian.
    /// </summary>
    public byte[] Encode()
    {
        var texts = new[] { Type, UserName, CorrelationId, CausationId, Headers, Data };
        var length = 1 + 8 + 16 + 16 + 8 + 8 + texts.Sum(t => 4 + (t is null ? 0 : Encoding.UTF8.GetByteCount(t)));
        var bytes = new byte[length];
        var span = bytes.AsSpan();
        span[0] = FormatVersion;
        var at = 1;
        BinaryPrimitives.WriteInt64BigEndian(span[at..], Sequence);
        at += 8;
        Id.TryWriteBytes(span[at..], bigEndian: true, out _);
        at += 16;
        StreamId.TryWriteBytes(span[at..], bigEndian: true, out _);
        at += 16;
        BinaryPrimitives.WriteInt64BigEndian(span[at..], Version);
        at += 8;
        BinaryPrimitives.WriteInt64BigEndian(span[at..], TimestampMicroseconds);
        at += 8;
        foreach (var text in texts)
        {
            if (text is null)
            {
                BinaryPrimitives.WriteUInt32BigEndian(span[at..], Absent);
                at += 4;
                continue;
            }
            var count = Encoding.UTF8.GetBytes(text, span[(at + 4)..]);
            BinaryPrimitives.WriteUInt32BigEndian(span[at..], (uint)count);
            at += 4 + count;
        }
        return bytes;
    }

    public byte[] LeafHash() => MerkleTree.LeafHash(Encode());
}
