using JasperFx.Events.Projections;
using Marten;

namespace RehabLedger.Clinics;

public static class ClinicsModule
{
    public static StoreOptions ConfigureClinics(this StoreOptions options)
    {
        // Inline: commands naming a clinic or therapist check it in their own transaction.
        options.Projections.Snapshot<Clinic>(SnapshotLifecycle.Inline);
        options.Projections.Snapshot<Therapist>(SnapshotLifecycle.Inline);
        options.Schema.For<Therapist>().Index(t => t.ClinicId);
        return options;
    }
}
