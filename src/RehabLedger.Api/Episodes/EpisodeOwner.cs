using Marten;

namespace RehabLedger.Episodes;

/// <summary>
/// What an access check needs of an episode: whose record it is. Read as three values out of the snapshot rather than
/// the snapshot itself, so checking access costs the same for an episode of ten entries and one of a thousand.
/// </summary>
public sealed record EpisodeOwner(Guid Id, Guid ClinicId, Guid PatientId)
{
    public static async Task<EpisodeOwner?> Find(IQuerySession session, Guid episodeId, CancellationToken ct) =>
        (await Find(session, [episodeId], ct)).GetValueOrDefault(episodeId);

    public static async Task<IReadOnlyDictionary<Guid, EpisodeOwner>> Find(IQuerySession session, Guid[] episodeIds, CancellationToken ct)
    {
        var owners = await session.Query<Episode>()
            .Where(e => episodeIds.Contains(e.Id))
            .Select(e => new EpisodeOwner(e.Id, e.ClinicId, e.PatientId))
            .ToListAsync(ct);
        return owners.ToDictionary(o => o.Id);
    }
}
