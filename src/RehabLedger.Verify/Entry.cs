using System.Buffers.Binary;
using System.Text;
using System.Text.Json.Serialization;

namespace RehabLedger.Verify;

/// <summary>One event of an export, with every column the log commits to.</summary>
public sealed class Entry
{
    public long Sequence { get; set; }
    public Guid Id { get; set; }
    public Guid StreamId { get; set; }
    public long Version { get; set; }
    public string Type { get; set; } = "";
    public long TimestampMicroseconds { get; set; }
    public string? UserName { get; set; }
    public string? CorrelationId { get; set; }
    public string? CausationId { get; set; }
    public string? Headers { get; set; }
    public string Data { get; set; } = "";

    /// <summary>
    /// docs/05-auditing.md, "The entry": 0x01; sequence, id, stream id, version, timestamp (microseconds); then type,
    /// user name, correlation id, causation id, headers and data as length-prefixed UTF-8, null as length 0xFFFFFFFF.
    /// </summary>
    public byte[] Encode()
    {
        var bytes = new List<byte> { 1 };
        bytes.AddRange(Int64(Sequence));
        bytes.AddRange(Id.ToByteArray(bigEndian: true));
        bytes.AddRange(StreamId.ToByteArray(bigEndian: true));
        bytes.AddRange(Int64(Version));
        bytes.AddRange(Int64(TimestampMicroseconds));
        foreach (var text in new[] { Type, UserName, CorrelationId, CausationId, Headers, Data })
        {
            var utf8 = text is null ? null : Encoding.UTF8.GetBytes(text);
            var length = new byte[4];
            BinaryPrimitives.WriteUInt32BigEndian(length, utf8 is null ? uint.MaxValue : (uint)utf8.Length);
            bytes.AddRange(length);
            if (utf8 is not null) bytes.AddRange(utf8);
        }
        return [.. bytes];
    }

    private static byte[] Int64(long value)
    {
        var bytes = new byte[8];
        BinaryPrimitives.WriteInt64BigEndian(bytes, value);
        return bytes;
    }
}

/// <summary>
/// One line of the NDJSON export: a position in the log (<c>index</c>, with the leaf hash the log holds there) and the
/// event stored at that sequence. Either side may be missing, and that is what the verifier is looking for.
/// <c>redacted</c> marks an event the exporting caller may not read: only its leaf hash is given.
/// </summary>
public sealed class ExportLine
{
    public long Sequence { get; set; }
    public long? Index { get; set; }
    public string? LeafHash { get; set; }
    public bool Redacted { get; set; }
    public Entry? Event { get; set; }
}

/// <summary>A signed tree head as the service publishes it and an auditor keeps it.</summary>
public sealed class Head
{
    public long TreeSize { get; set; }
    public string RootHash { get; set; } = "";
    public long LastSequence { get; set; }
    public DateTimeOffset Timestamp { get; set; }
    public string KeyId { get; set; } = "";
    public string Signature { get; set; } = "";

    [JsonIgnore] public byte[] Root => Convert.FromHexString(RootHash);
}
