using JasperFx.Events.Projections;
using Marten;

namespace RehabLedger.Episodes;

public static class EpisodesModule
{
    public static StoreOptions ConfigureEpisodes(this StoreOptions options)
    {
        // Inline: a mutation answers with the episode including its own change, and decisions read one row.
        options.Projections.Snapshot<Episode>(SnapshotLifecycle.Inline);
        // A patient's episodes are found by this index rather than by a second projection that could lag.
        options.Schema.For<Episode>().Index(e => e.PatientId).Index(e => e.ClinicId);
        // Async: see EpisodeTimelineProjection for why.
        options.Projections.Add<EpisodeTimelineProjection>(ProjectionLifecycle.Async);
        return options;
    }
}
