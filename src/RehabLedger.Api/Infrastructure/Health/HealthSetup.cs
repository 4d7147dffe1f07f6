using Marten;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace RehabLedger.Infrastructure.Health;

public static class HealthSetup
{
    private const string Ready = "ready";

    public static IServiceCollection AddRehabLedgerHealth(this IServiceCollection services, string connectionString)
    {
        services.AddHealthChecks()
            .AddNpgSql(connectionString, name: "postgresql", tags: [Ready])
            .AddCheck<EventStoreSchemaHealthCheck>("event-store-schema", tags: [Ready]);
        return services;
    }

    /// <summary>Live: the process answers. Ready: PostgreSQL answers and the event store schema is in place.</summary>
    public static WebApplication MapRehabLedgerHealth(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(Ready) });
        return app;
    }
}

/// <summary>Ready only when every table, function and index Marten needs exists as configured.</summary>
public sealed class EventStoreSchemaHealthCheck(IDocumentStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        try
        {
            await store.Storage.Database.AssertDatabaseMatchesConfigurationAsync(ct);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e)
        {
            return HealthCheckResult.Unhealthy("The event store schema is not applied.", e);
        }
    }
}
