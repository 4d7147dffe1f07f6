using Marten;
using RehabLedger.Access;
using RehabLedger.Disclosures;

namespace RehabLedger.Benchmarks.Hosting;

/// <summary>
/// The service's own access-record writer, which the benchmark can tell to discard for one round: the baseline of
/// issue 14's "dashboard p99 with full read accounting at most 1.2 × without". Registered only in the benchmark's
/// host; the service itself has no way to stop accounting reads, on purpose (the access log is an audit control).
/// </summary>
internal sealed class SwitchableAccessRecordWriter(IDocumentStore store) : IAccessRecordWriter
{
    private readonly MartenAccessRecordWriter _inner = new(store);

    /// <summary>While true, every operation's access records are dropped instead of appended.</summary>
    public volatile bool Discard;

    public Task AppendAsync(Operation operation, IReadOnlyList<DisclosureRecorded> records) =>
        Discard ? Task.CompletedTask : _inner.AppendAsync(operation, records);
}
