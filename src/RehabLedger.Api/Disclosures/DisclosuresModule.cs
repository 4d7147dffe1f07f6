using JasperFx.Events.Projections;
using Marten;

namespace RehabLedger.Disclosures;

public static class DisclosuresModule
{
    public static StoreOptions ConfigureDisclosures(this StoreOptions options)
    {
        options.Events.AddEventType<DisclosureRecorded>();
        // Async: see AccessRecordProjection for why.
        options.Projections.Add<AccessRecordProjection>(ProjectionLifecycle.Async);
        options.Schema.For<AccessRecord>().Index(r => r.Position).Index(r => r.PatientId);
        return options;
    }
}
