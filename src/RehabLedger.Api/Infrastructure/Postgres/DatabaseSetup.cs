namespace RehabLedger.Infrastructure.Postgres;

public static class DatabaseSetup
{
    public const string ConnectionName = "Marten";

    /// <summary>
    /// The PostgreSQL the service uses: <c>ConnectionStrings:Marten</c> when configured (then nothing is started),
    /// otherwise an embedded server provisioned from the machine's PostgreSQL binaries and stopped with the service.
    /// </summary>
    public static string ResolvePostgres(this WebApplicationBuilder builder)
    {
        var configured = builder.Configuration.GetConnectionString(ConnectionName);
        if (!string.IsNullOrWhiteSpace(configured)) return configured;

        var options = builder.Configuration.GetSection("EmbeddedPostgres").Get<EmbeddedPostgresOptions>() ?? new EmbeddedPostgresOptions();
        // The host's logging does not exist yet; this factory lives as long as the server it logs for.
        var loggerFactory = LoggerFactory.Create(l => l.AddJsonConsole());
        EmbeddedPostgres postgres;
        try
        {
            postgres = EmbeddedPostgres.Start(options, loggerFactory.CreateLogger("RehabLedger.EmbeddedPostgres"));
        }
        catch
        {
            loggerFactory.Dispose();
            throw;
        }

        // Stopped when the host stops, and on process exit in case the host never got that far.
        builder.Services.AddSingleton(postgres);
        builder.Services.AddSingleton(new EmbeddedPostgresLogging(loggerFactory));
        builder.Services.AddHostedService<EmbeddedPostgresLifetime>();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => postgres.Dispose();
        return postgres.ConnectionString;
    }
}

/// <summary>Stops the embedded PostgreSQL after everything else has stopped using it.</summary>
internal sealed class EmbeddedPostgresLifetime(EmbeddedPostgres postgres, EmbeddedPostgresLogging logging) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await postgres.DisposeAsync();
        logging.Factory.Dispose();
    }
}

internal sealed record EmbeddedPostgresLogging(ILoggerFactory Factory);
