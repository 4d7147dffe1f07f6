using GraphQL.Types.Relay.DataObjects;
using Marten;
using RehabLedger.GraphQL;

namespace RehabLedger.Audit;

/// <summary>
/// A page of a program's history: the entries come from the <see cref="Programs.CurrentProgram"/> document, then
/// one query fetches the recorded time and correlation of just that page's events (and of the corrections they
/// name) from the events table by (stream, version). The store's timestamp is the one every audit view shows; the
/// document could carry a copy only if the inline projection saw the final value, which depends on Marten's append
/// mode. Two round trips per page, whatever else the stream holds.
/// </summary>
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
