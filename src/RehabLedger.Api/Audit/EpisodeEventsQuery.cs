using GraphQL.Types.Relay.DataObjects;
using Marten;
using RehabLedger.Common;
using RehabLedger.Episodes;
using RehabLedger.GraphQL;

namespace RehabLedger.Audit;

/// <summary>
/// An episode's stream as stored, in version order, paged by version: events appended while a client pages land
/// after its cursor, so nothing repeats and nothing is skipped. Two indexed lookups per page: the stream's row, then
/// the page's events by (stream, version).
/// </summary>
public static class EpisodeEventsQuery
{
    public static async Task<Connection<LedgerEvent>> Page(IQuerySession session, Guid episodeId, int? first, string? after,
        CancellationToken ct)
    {
        var size = Paging.PageSize(first);
        var afterVersion = after is null ? 0 : KeysetPaging.KeyOf(after);
        var stream = await session.Events.FetchStreamStateAsync(episodeId, ct);
        if (stream is null || stream.AggregateType != typeof(Episode))
            throw ClinicalRuleViolation.NotFound("episode", episodeId, "episodeId");

        var rows = await Ledger.Stream(session, episodeId, afterVersion, size + 1, ct);
        return KeysetPaging.Page(rows, size, e => e.Version, continued: afterVersion > 0, totalCount: checked((int)stream.Version));
    }
}
