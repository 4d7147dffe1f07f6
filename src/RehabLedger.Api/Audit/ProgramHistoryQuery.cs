using GraphQL.Types.Relay.DataObjects;
using Marten;
using RehabLedger.GraphQL;

namespace RehabLedger.Audit;

/// <summary>
/// A page of a program's history: the entries come from the program (<see cref="Programs.CurrentProgram.Of"/>), then
/// one query fetches the recorded time and correlation of just that page's events (and of the corrections they
/// name) from the events table by (stream_id, version), its unique index. Two round trips per page, whatever else
/// the stream holds.
/// </summary>
/// <remarks>
/// Why not keep the recorded time on <see cref="Programs.ProgramChange"/>: the projection is inline, and what it
/// could copy depends on Marten's append mode. Under Quick the database stamps the row during the insert, after
/// inline projections ran; under the default QuickWithServerTimestamps the in-memory value is finer than the
/// microseconds the column keeps, so a copy would not equal the ledger's own value and an as-of question asked at
/// an instant read from the ledger could miss its event. The column is the one source every audit view shares.
/// </remarks>
public static class ProgramHistoryQuery
{
    public static async Task<Connection<ProgramHistoryEntry>> Page(IQuerySession session, Guid episodeId, int? first, string? after,
        CancellationToken ct)
    {
        Paging.PageSize(first); // refuse an oversized page before touching the database
        var (program, _) = await EpisodeProgramRecord.Load(session, episodeId, ct);
        var page = Paging.Page(ProgramHistory.Entries(program), e => e.ChangeId.ToString(), first, after);

        var entries = page.Edges!.Select(e => e.Node!).ToList();
        var versions = entries.Select(e => e.Version).Concat(entries.Where(e => e.CorrectedBy is not null).Select(e => e.CorrectedBy!.Version));
        var recorded = await Ledger.Metadata(session, episodeId, versions.ToList(), ct);

        foreach (var edge in page.Edges!)
        {
            var entry = edge.Node!;
            var metadata = recorded[entry.Version];
            edge.Node = entry with
            {
                RecordedAt = metadata.RecordedAt,
                CorrelationId = metadata.CorrelationId,
                CorrectedBy = entry.CorrectedBy is { } by ? by with { RecordedAt = recorded[by.Version].RecordedAt } : null,
            };
        }
        return page;
    }
}
