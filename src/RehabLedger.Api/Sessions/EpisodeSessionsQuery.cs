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
    /// <summary>The entry documents of some episodes, asked for in a batch that has not run yet.</summary>
    public sealed class Pending(Task<IReadOnlyList<RecordedSession>> sessions, Task<IReadOnlyList<RecordedHomeLog>> logs)
    {
        /// <summary>Once the batch ran: each episode's sessions and home logs, joined with the episode itself.</summary>
        public async Task<Func<Episode, EpisodeSessions>> ReadAsync()
        {
            var sessionsOf = (await sessions).ToLookup(s => s.EpisodeId);
            var logsOf = (await logs).ToLookup(l => l.EpisodeId);
            return episode => EpisodeSessions.Of(episode, sessionsOf[episode.Id], logsOf[episode.Id]);
        }
    }

    /// <summary>Adds the entry documents of <paramref name="episodeIds"/> to a batch.</summary>
    public static Pending Add(IBatchedQuery batch, Guid[] episodeIds) =>
        new(batch.Query<RecordedSession>().Where(s => episodeIds.Contains(s.EpisodeId)).ToList(),
            batch.Query<RecordedHomeLog>().Where(l => episodeIds.Contains(l.EpisodeId)).ToList());

    /// <summary>
    /// The entries of an episode being resolved, batched with those of every other episode of the same query level:
    /// a page of episodes asking for their sessions, home logs and progress costs one round trip.
    /// </summary>
    public static IDataLoaderResult<EpisodeSessions> SessionsOf(this IResolveFieldContext context, Episode episode) =>
        context.Batch()
            .LoadBy<Func<Episode, EpisodeSessions>?>("episode-sessions", episode.Id, Fetch, null)
            .Then(entriesOf => entriesOf?.Invoke(episode) ?? EpisodeSessions.None);

    private static async Task<IReadOnlyDictionary<Guid, Func<Episode, EpisodeSessions>?>> Fetch(IQuerySession session, Guid[] episodeIds,
        CancellationToken ct)
    {
        var batch = session.CreateBatchQuery();
        var entries = Add(batch, episodeIds);
        await batch.Execute(ct);
        var entriesOf = await entries.ReadAsync();
        return episodeIds.ToDictionary(id => id, _ => (Func<Episode, EpisodeSessions>?)entriesOf);
    }
}
