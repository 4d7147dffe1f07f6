using System.Runtime.InteropServices;

namespace RehabLedger.Infrastructure.Postgres;

public static class DatabaseSetup
{
    public const string ConnectionName = "Marten";

    /// <summary>
    /// The PostgreSQL the service uses: <c>ConnectionStrings:Marten</c> when configured (then nothing is started),
    /// otherwise an embedded server provisioned from the machine's PostgreSQL binaries and stopped with the service
    /// on every way out: a normal stop, a start that fails (a port taken), Ctrl-C or SIGTERM during start-up, an exception.
    /// </summary>
    public static string ResolvePostgres(this WebApplicationBuilder builder)
    {
        var configured = builder.Configuration.GetConnectionString(ConnectionName);
        if (!string.IsNullOrWhiteSpace(configured)) return configured;

        var options = builder.Configuration.GetSection("EmbeddedPostgres").Get<EmbeddedPostgresOptions>() ?? new EmbeddedPostgresOptions();
        // The host's logging does not exist yet; this factory lives as long as the server it logs for.
        var loggerFactory = LoggerFactory.Create(l => l.AddJsonConsole());
        var signals = new StartupSignals();
        EmbeddedPostgres postgres;
        try
        {
            postgres = signals.Guard(() => EmbeddedPostgres.Start(options, loggerFactory.CreateLogger("RehabLedger.EmbeddedPostgres")));
        }
        catch
        {
            signals.Dispose();
            loggerFactory.Dispose();
            throw;
        }

        // Stopped when the host stops or is disposed (also after a failed start), and when the process exits or
        // crashes before the host got that far.
        builder.Services.AddSingleton(postgres);
        builder.Services.AddSingleton(new EmbeddedPostgresLogging(loggerFactory));
        builder.Services.AddSingleton(signals);
        builder.Services.AddHostedService<EmbeddedPostgresLifetime>();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => postgres.Dispose();
        AppDomain.CurrentDomain.UnhandledException += (_, _) => postgres.Dispose();
        return postgres.ConnectionString;
    }
}

/// <summary>
/// Stops the embedded PostgreSQL after everything else has stopped using it, and when the host is disposed without
/// having stopped (a start that failed or was cancelled: the host is disposed, its hosted services never stopped).
/// </summary>
internal sealed class EmbeddedPostgresLifetime(EmbeddedPostgres postgres, EmbeddedPostgresLogging logging, StartupSignals signals)
    : IHostedLifecycleService, IAsyncDisposable
{
    // Before any hosted service starts: from here on the host listens for Ctrl-C and SIGTERM itself and disposes this
    // service however its start ends. Stopping the server under a starting host instead would leave the host waiting
    // for a database that no longer answers.
    public Task StartingAsync(CancellationToken cancellationToken)
    {
        signals.Dispose();
        return Task.CompletedTask;
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    // After every hosted service has stopped.
    public Task StoppedAsync(CancellationToken cancellationToken) => DisposeAsync().AsTask();

    public async ValueTask DisposeAsync()
    {
        await postgres.DisposeAsync();
        logging.Factory.Dispose();
    }
}

internal sealed record EmbeddedPostgresLogging(ILoggerFactory Factory);

/// <summary>
/// Ctrl-C, SIGTERM and SIGQUIT while the embedded PostgreSQL is being started and before the host listens for them:
/// the process waits for the step in progress, stops the server, and then ends as the signal asks. Without this a
/// server started a moment before the signal would run on with nobody to stop it.
/// </summary>
internal sealed class StartupSignals : IDisposable
{
    private readonly object _gate = new();
    private readonly PosixSignalRegistration[] _registrations;
    private EmbeddedPostgres? _postgres;

    public StartupSignals() =>
        _registrations = OperatingSystem.IsWindows()
            ? []
            : [.. new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGQUIT }.Select(s => PosixSignalRegistration.Create(s, OnSignal))];

    /// <summary>Runs the start; a signal arriving meanwhile is handled once it is done, so what it started is stopped.</summary>
    public EmbeddedPostgres Guard(Func<EmbeddedPostgres> start)
    {
        lock (_gate) return _postgres = start();
    }

    public void Dispose()
    {
        foreach (var registration in _registrations) registration.Dispose();
    }

    // Not cancelled: once the server is stopped, the signal's default action ends the process.
    private void OnSignal(PosixSignalContext context)
    {
        lock (_gate) _postgres?.Stop();
    }
}
