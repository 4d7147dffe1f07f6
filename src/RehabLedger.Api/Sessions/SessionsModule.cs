using JasperFx.Events.Projections;
using Marten;

namespace RehabLedger.Sessions;

public static class SessionsModule
{
    public static StoreOptions ConfigureSessions(this StoreOptions options)
    {
        // Inline: see SessionEntriesProjection for why.
        options.Projections.Add<SessionEntriesProjection>(ProjectionLifecycle.Inline);
        // Read by episode: a column of its own with a plain index, not a search inside the JSON.
        options.Schema.For<RecordedSession>().Duplicate(s => s.EpisodeId);
        options.Schema.For<RecordedHomeLog>().Duplicate(l => l.EpisodeId);
        return options;
    }
}
