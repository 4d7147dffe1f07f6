using JasperFx.Events;
using JasperFx.Events.Daemon;
using Marten;
using RehabLedger.Audit;
using RehabLedger.Caseload;
using RehabLedger.Clinics;
using RehabLedger.Disclosures;
using RehabLedger.Episodes;
using RehabLedger.Infrastructure.Postgres;
using RehabLedger.Insurers;
using RehabLedger.MerkleLog;
using RehabLedger.Patients;
using RehabLedger.Programs;
using RehabLedger.Sessions;
using Weasel.Core;
using Wolverine.Marten;

namespace RehabLedger.Infrastructure.Marten;

public static class EventStoreSetup
{
    public const string SchemaName = "rehabledger";

    public static IServiceCollection AddRehabLedgerEventStore(this IServiceCollection services, string connectionString)
    {
        services.AddMarten(options =>
            {
                options.Connection(connectionString);
                options.DatabaseSchemaName = SchemaName;
                options.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase);

                // Who, in which request, because of what: the audit trail reads these columns.
                options.Events.MetadataConfig.CorrelationIdEnabled = true;
                options.Events.MetadataConfig.CausationIdEnabled = true;
                options.Events.MetadataConfig.UserNameEnabled = true;
                options.Events.MetadataConfig.HeadersEnabled = true;

                // Handlers return events and never mutate the aggregate they were given, which makes
                // reusing the fetched aggregate for the inline snapshot safe and saves a round trip.
                options.Events.UseIdentityMapForAggregates = true;

                // A clinical record must never silently skip an event a projection could not apply.
                options.Projections.Errors.SkipApplyErrors = false;
                options.Projections.Errors.SkipSerializationErrors = false;
                options.Projections.Errors.SkipUnknownEvents = false;

                options.ConfigureClinics();
                options.ConfigurePatients();
                options.ConfigureEpisodes();
                options.ConfigureSessions();
                options.ConfigureCaseload();
                options.ConfigureInsurers();
                options.ConfigureAudit();
                options.ConfigureDisclosures();
                options.ConfigureLedger();
            })
            .UseLightweightSessions()
            // HotCold: one daemon leader elected through a PostgreSQL advisory lock, so the same
            // configuration serves one node today and several later.
            .AddAsyncDaemon(DaemonMode.HotCold)
            .ApplyAllDatabaseChangesOnStartup()
            .AddLedgerProducer()
            .IntegrateWithWolverine();
        // After Marten's own hosted services (schema, daemon), before the demo data and the server.
        services.AddHostedService<ReadModelUpgrade>();
        services.AddHostedService<Warmup>();
        services.AddSingleton(sp => new DatabaseOutage(connectionString, sp.GetRequiredService<ILogger<DatabaseOutage>>()));

        return services;
    }
}
