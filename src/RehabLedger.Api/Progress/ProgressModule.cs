using JasperFx.Events.Projections;
using Marten;

namespace RehabLedger.Progress;

public static class ProgressModule
{
    public static StoreOptions ConfigureProgress(this StoreOptions options)
    {
        // Inline: see EpisodeProgressProjection for why.
        options.Projections.Add<EpisodeProgressProjection>(ProjectionLifecycle.Inline);
        return options;
    }
}
