using JasperFx.Events.Projections;
using Marten;

namespace RehabLedger.Programs;

public static class ProgramsModule
{
    public static StoreOptions ConfigurePrograms(this StoreOptions options)
    {
        // Inline: see CurrentProgramProjection for why.
        options.Projections.Add<CurrentProgramProjection>(ProjectionLifecycle.Inline);
        return options;
    }
}
