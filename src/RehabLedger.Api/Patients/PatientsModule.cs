using JasperFx.Events.Projections;
using Marten;

namespace RehabLedger.Patients;

public static class PatientsModule
{
    public static StoreOptions ConfigurePatients(this StoreOptions options)
    {
        // Inline: opening an episode checks the patient within its own transaction.
        options.Projections.Snapshot<Patient>(SnapshotLifecycle.Inline);
        options.Schema.For<Patient>().Index(p => p.ClinicId);
        return options;
    }
}
