using JasperFx.Events.Projections;
using Marten;

namespace RehabLedger.Caseload;

public static class CaseloadModule
{
    public static StoreOptions ConfigureCaseload(this StoreOptions options)
    {
        // Async: see CaseloadProjection for why.
        options.Projections.Add<CaseloadProjection>(ProjectionLifecycle.Async);
        // A dashboard reads one clinic's active rows, optionally one therapist's.
        options.Schema.For<CaseloadRow>().Index(r => r.ClinicId).Index(r => r.TherapistId);
        return options;
    }
}
