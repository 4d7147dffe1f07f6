using Marten;
using Microsoft.Extensions.Caching.Memory;

namespace RehabLedger.Episodes;

/// <summary>What an access check needs of an episode: whose record it is.</summary>
public sealed record EpisodeOwner(Guid Id, Guid ClinicId, Guid PatientId);

/// <summary>
/// Finds episodes' owners for access checks. The owner is read as three values out of the snapshot rather than the
/// snapshot itself, so a check costs the same for an episode of ten entries and one of a thousand. An episode never
/// changes clinic or patient (no event can), so an owner once found is kept in memory and most checks cost no round
/// trip; an id not found is not remembered, since the episode may be opened a moment later.
/// </summary>
public sealed class EpisodeOwners : IDisposable
{
    /// <summary>About 100 bytes each: the cache holds at most a few megabytes whatever the store's size.</summary>
    public const int Capacity = 50_000;

    private readonly MemoryCache _known = new(new MemoryCacheOptions { SizeLimit = Capacity });

    /// <param name="reachable">
    /// Whether the caller may reach an owner. A remembered owner is answered from memory only when they may; one out of
    /// their reach is read again, so refusing another clinic's episode costs the round trip an unknown id costs and
    /// the time of the answer does not tell the two apart.
    /// </param>
    public async Task<EpisodeOwner?> Find(IQuerySession session, Guid episodeId, Func<EpisodeOwner, bool> reachable, CancellationToken ct) =>
        (await Find(session, [episodeId], reachable, ct)).GetValueOrDefault(episodeId);

    /// <inheritdoc cref="Find(IQuerySession, Guid, Func{EpisodeOwner, bool}, CancellationToken)"/>
    public async Task<IReadOnlyDictionary<Guid, EpisodeOwner>> Find(IQuerySession session, Guid[] episodeIds, Func<EpisodeOwner, bool> reachable,
        CancellationToken ct)
    {
        var found = new Dictionary<Guid, EpisodeOwner>();
        foreach (var id in episodeIds)
            if (_known.TryGetValue(id, out EpisodeOwner? owner) && reachable(owner!)) found[id] = owner!;
        var unknown = episodeIds.Where(id => !found.ContainsKey(id)).ToArray();
        if (unknown.Length == 0) return found;

        var read = await session.Query<Episode>()
            .Where(e => unknown.Contains(e.Id))
            .Select(e => new EpisodeOwner(e.Id, e.ClinicId, e.PatientId))
            .ToListAsync(ct);
        foreach (var owner in read)
        {
            _known.Set(owner.Id, owner, new MemoryCacheEntryOptions { Size = 1 });
            found[owner.Id] = owner;
        }
        return found;
    }

    public void Dispose() => _known.Dispose();
}
