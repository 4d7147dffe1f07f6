using System.Net;
using System.Net.Sockets;
using System.Runtime.Versioning;
using RehabLedger.Infrastructure.Postgres;
using RehabLedger.Tests.Support;
using Xunit.Abstractions;

namespace RehabLedger.Tests.Infrastructure.Operations;

/// <summary>
/// The embedded PostgreSQL runs in a session of its own, so nothing stops it but the service: every way the service
/// can end, including during its start, must stop it. Real processes, real signals.
/// </summary>
[UnsupportedOSPlatform("windows")]
public sealed class when_the_service_exits_during_start_up(ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);
    private const string PostgresStarted = "Started PostgreSQL on 127.0.0.1";

    // Under /tmp: the postgres user, who runs the server when the tests run as root, must enter it.
    private readonly string _root = Path.Combine("/tmp", $"rehabledger-exit-{Guid.NewGuid():N}");
    private string DataDirectory => Path.Combine(_root, "postgres");
    private string PidFile => Path.Combine(DataDirectory, "postmaster.pid");

    [Fact]
    public async Task a_start_that_fails_on_a_taken_port_leaves_no_postgres_running()
    {
        using var squatter = new TcpListener(IPAddress.Loopback, 0);
        squatter.Start();
        using var service = ServiceProcess.Start(DataDirectory, ((IPEndPoint)squatter.LocalEndpoint).Port);

        var exitCode = await service.WaitForExit(Timeout);

        output.WriteLine(service.Output);
        exitCode.ShouldNotBe(0);
        service.Output.ShouldContain(PostgresStarted);
        File.Exists(PidFile).ShouldBeFalse("a postmaster still runs on the data folder");
    }

    [Theory]
    [InlineData(ServiceProcess.SigInt)]
    [InlineData(ServiceProcess.SigTerm)]
    public async Task a_signal_during_start_up_stops_the_postgres_it_started(int signal)
    {
        using var service = ServiceProcess.Start(DataDirectory, FreePort());
        await service.WaitForLine(PostgresStarted, Timeout);

        service.Signal(signal);
        try
        {
            await service.WaitForExit(Timeout);
        }
        finally
        {
            output.WriteLine(service.Output);
        }

        File.Exists(PidFile).ShouldBeFalse("a postmaster still runs on the data folder");
    }

    [Fact]
    public async Task a_started_service_answers_the_container_probe_and_a_normal_stop_stops_postgres()
    {
        var port = FreePort();
        using var service = ServiceProcess.Start(DataDirectory, port);
        await service.WaitForLine("Now listening on", Timeout);
        (await ServiceProcess.Probe($"http://127.0.0.1:{port}/health/ready")).ShouldBe(0);
        (await ServiceProcess.Probe($"http://127.0.0.1:{FreePort()}/health/ready")).ShouldBe(1);

        service.Signal(ServiceProcess.SigTerm);
        var exitCode = await service.WaitForExit(Timeout);

        output.WriteLine(service.Output);
        exitCode.ShouldBe(0);
        File.Exists(PidFile).ShouldBeFalse("a postmaster still runs on the data folder");
    }

    public void Dispose()
    {
        // Whatever a failed test left running is stopped before its folder goes.
        if (File.Exists(PidFile))
            PostgresBinaries.Find(PostgresBinaries.SearchFolders(null, Environment.GetEnvironmentVariable("PATH")))
                .Run("pg_ctl", "stop", "-D", DataDirectory, "-m", "immediate");
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
