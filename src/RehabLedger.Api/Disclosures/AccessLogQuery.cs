using GraphQL.Types.Relay.DataObjects;
using Marten;
using RehabLedger.Audit;
using RehabLedger.GraphQL;

namespace RehabLedger.Disclosures;

/// <summary>What the access log is narrowed to; every condition given must hold.</summary>
public sealed class AccessLogFilter
{
    public Guid? ClinicId { get; set; }
    public Guid? PatientId { get; set; }
    public Guid? EpisodeId { get; set; }
    public string? ActorId { get; set; }
    public DisclosureOutcome? Outcome { get; set; }
    public DateTimeOffset? From { get; set; }
    public DateTimeOffset? To { get; set; }
}

/// <summary>
/// Pages of access records, newest first, straight from the database: the log only grows, so a page costs a
/// count and one keyset query on the position, never the whole log in memory.
/// </summary>
public static class AccessLogQuery
{
    /// <param name="scope">The clinics whose records the caller may see; null for every record.</param>
    public static IQueryable<AccessRecord> Filtered(IQuerySession session, AccessLogFilter filter, IReadOnlySet<Guid>? scope)
    {
        IQueryable<AccessRecord> query = session.Query<AccessRecord>();
        if (scope is not null)
        {
            var clinics = scope.ToArray();
            query = query.Where(r => r.Clinics.Any(c => clinics.Contains(c)));
        }
        if (filter.ClinicId is { } clinic) query = query.Where(r => r.Clinics.Contains(clinic));
        if (filter.PatientId is { } patient) query = query.Where(r => r.PatientId == patient);
        if (filter.EpisodeId is { } episode) query = query.Where(r => r.EpisodeId == episode);
        if (filter.ActorId is { } actor) query = query.Where(r => r.ActorId == actor);
        if (filter.Outcome is { } outcome) query = query.Where(r => r.Outcome == outcome);
        if (filter.From is { } from) query = query.Where(r => r.At >= from);
        if (filter.To is { } to) query = query.Where(r => r.At <= to);
        return query;
    }

    public static async Task<Connection<AccessRecord>> Page(IQueryable<AccessRecord> query, int? first, string? after, CancellationToken ct)
    {
        var size = Paging.PageSize(first);
        var total = await query.CountAsync(ct);
        if (after is not null)
        {
            var position = KeysetPaging.KeyOf(after);
            query = query.Where(r => r.Position < position);
        }
        var rows = await query.OrderByDescending(r => r.Position).Take(size + 1).ToListAsync(ct);
        return KeysetPaging.Page(rows, size, r => r.Position, continued: after is not null, totalCount: total);
    }
}
