using GraphQL;
using GraphQL.DataLoader;
using Marten;
using Marten.Services.BatchQuerying;
using RehabLedger.Episodes;
using RehabLedger.GraphQL;

namespace RehabLedger.Sessions;

/// <summary>Reads episodes' session and home-log documents: for one episode, or for many in the same round trip.</summary>
public static class EpisodeSessionsQuery
{
    /// <summary>Adds the entry documents of <paramref name="episodeIds"/> to a batch, to join with their episodes once it ran.</summary>
    public static (Task<IReadOnlyList<RecordedSession>> Sessions, Task<IReadOnlyList<RecordedHomeLog>> HomeLogs) Add(
        IBatchedQuery batch, Guid[] episodeIds) =>
        (batch.Query<RecordedSession>().Where(s => episodeIds.Contains(s.EpisodeId)).ToList(),
         batch.Query<RecordedHomeLog>().Where(l => episodeIds.Contains(l.EpisodeId)).ToList());

    /// <summary>One episode's entries, in one round trip.</summary>
    public static async Task<EpisodeSessions> For(IQuerySession session, Episode episode, CancellationToken ct)
    {
        var batch = session.CreateBatchQuery();
        var (sessions, logs) = Add(batch, [episode.Id]);
        await batch.Execute(ct);
        return EpisodeSessions.Of(episode, await sessions, await logs);
    }

    /// <summary>
    /// The entries of an episode being resolved, batched with those of every other episode of the same query level:
    /// a page of episodes asking for their sessions, home logs and progress costs one round trip.
    /// </summary>
    public static IDataLoaderResult<EpisodeSessions> SessionsOf(this IResolveFieldContext context, Episode episode) =>
        context.Batch()
            .LoadBy("episode-sessions", episode.Id, Fetch, Documents.None)
            .Then(found => EpisodeSessions.Of(episode, found.Sessions, found.HomeLogs));

    private sealed record Documents(IReadOnlyList<RecordedSession> Sessions, IReadOnlyList<RecordedHomeLog> HomeLogs)
    {
        public static readonly Documents None = new([], []);
    }

    private static async Task<IReadOnlyDictionary<Guid, Documents>> Fetch(IQuerySession session, Guid[] episodeIds, CancellationToken ct)
    {
        var batch = session.CreateBatchQuery();
        var (sessions, logs) = Add(batch, episodeIds);
        await batch.Execute(ct);
        var sessionsOf = (await sessions).ToLookup(s => s.EpisodeId);
        var logsOf = (await logs).ToLookup(l => l.EpisodeId);
        return episodeIds.ToDictionary(id => id, id => new Documents([.. sessionsOf[id]], [.. logsOf[id]]));
    }
}
