using System.Net;
using System.Net.Sockets;
using System.Runtime.Versioning;
using RehabLedger.Infrastructure.Postgres;
using RehabLedger.Tests.Support;
using Xunit.Abstractions;

namespace RehabLedger.Tests.Infrastructure.Operations;

/// <summary>
/// `dotnet run --project src/RehabLedger.Api -- --urls http://…` is how ASP.NET users pick an address, and test hosts
/// hand their settings to the entry point the same way. JasperFx's command parser refuses such flags, so only a named
/// command may reach it. A real process, as a user starts it.
/// </summary>
[UnsupportedOSPlatform("windows")]
public sealed class when_starting_with_command_line_settings(ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);
    private readonly string _root = Path.Combine("/tmp", $"rehabledger-args-{Guid.NewGuid():N}");

    [Fact]
    public async Task the_service_listens_where_the_urls_argument_says()
    {
        var port = FreePort();
        // ASPNETCORE_URLS emptied, so only the argument can put the service on this port.
        using var service = ServiceProcess.Start(Path.Combine(_root, "postgres"), FreePort(),
            new Dictionary<string, string> { ["ASPNETCORE_URLS"] = "" },
            ["--urls", $"http://127.0.0.1:{port}", "--Logging:LogLevel:Default=Information"]);
        try
        {
            await service.WaitForLine("RehabLedger is ready", Timeout);
            (await ServiceProcess.Probe($"http://127.0.0.1:{port}/health/ready")).ShouldBe(0);
            service.Signal(ServiceProcess.SigTerm);
            (await service.WaitForExit(Timeout)).ShouldBe(0);
        }
        finally
        {
            output.WriteLine(service.Output);
        }
        service.Output.ShouldNotContain("Unknown argument");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        var data = Path.Combine(_root, "postgres");
        // Whatever a failed test left running is stopped before its folder goes.
        if (File.Exists(Path.Combine(data, "postmaster.pid")))
            PostgresBinaries.Find(PostgresBinaries.SearchFolders(null, Environment.GetEnvironmentVariable("PATH")))
                .Run("pg_ctl", "stop", "-D", data, "-m", "immediate");
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }
}
