using Alba;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RehabLedger.Infrastructure.Postgres;

namespace RehabLedger.Tests.Support;

/// <summary>
/// The whole service in a host of its own, on an embedded PostgreSQL of its own (which a test may stop and start),
/// with every log line captured. For what the shared host must not go through: a database outage, log contents.
/// </summary>
public sealed class OwnHost : IAsyncLifetime
{
    // Under /tmp: the postgres user, who runs the server when the tests run as root, must enter it.
    private readonly string _dataDirectory = Path.Combine("/tmp", $"rehabledger-own-host-{Guid.NewGuid():N}");

    public IAlbaHost Host { get; private set; } = null!;
    public CapturedLogs Logs { get; } = new();
    public EmbeddedPostgres Postgres => Host.Services.GetRequiredService<EmbeddedPostgres>();

    public async Task InitializeAsync()
    {
        Host = await AlbaHost.For<Program>(builder =>
        {
            TestHostSettings.Apply(builder);
            builder.UseSetting("EmbeddedPostgres:DataDirectory", _dataDirectory);
            builder.UseSetting("ConnectionStrings:Marten", "");
            builder.ConfigureServices(services =>
            {
                services.AddSingleton<ILoggerProvider>(Logs);
            });
        });
    }

    /// <summary>Stops the server under the running service, as an operator or a crash would.</summary>
    public void StopPostgres()
    {
        var stop = Postgres.Binaries.Run("pg_ctl", "stop", "-w", "-D", Postgres.DataDirectory, "-m", "fast");
        stop.Succeeded.ShouldBeTrue(stop.ToString());
    }

    /// <summary>Starts it again on the same port (kept in the data folder's settings).</summary>
    public void StartPostgres()
    {
        var start = Postgres.Binaries.Run("pg_ctl", "start", "-w", "-D", Postgres.DataDirectory, "-l", Postgres.LogFile);
        start.Succeeded.ShouldBeTrue(start.ToString());
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        TestHostSettings.DeleteDataFolder(_dataDirectory);
    }
}

[CollectionDefinition(Name)]
public sealed class OwnHostCollection : ICollectionFixture<OwnHost>
{
    public const string Name = "own host";
}
