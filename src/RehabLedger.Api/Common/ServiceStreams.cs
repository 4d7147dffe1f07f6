namespace RehabLedger.Common;

/// <summary>
/// Ids the service keeps for records of its own, such as the stream of refused accesses
/// (<see cref="Disclosures.DisclosureLog.AccessLogStreamId"/>). Event streams share one id space, so a client that
/// chose such an id for a clinic, patient, therapist or episode would own a stream the service writes to, and read
/// what the service records there. Every id a client chooses passes <see cref="Validate.Id"/>, which refuses these.
/// The whole block <c>ac000000-0000-4000-8000-xxxxxxxxxxxx</c> is reserved, not only the ids in use today, so a
/// stream the service adds later cannot already belong to somebody.
/// </summary>
public static class ServiceStreams
{
    /// <summary>The first 24 characters every reserved id starts with, as written in the canonical form.</summary>
    public const string ReservedPrefix = "ac000000-0000-4000-8000-";

    public static bool IsReserved(Guid id)
    {
        Span<char> text = stackalloc char[36];
        id.TryFormat(text, out _, "D");
        return text.StartsWith(ReservedPrefix, StringComparison.Ordinal);
    }
}
