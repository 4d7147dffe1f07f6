using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using RehabLedger.Access;
using RehabLedger.Sessions;
using Wolverine;

namespace RehabLedger.Benchmarks.Hosting;

/// <summary>
/// The real service, configured as in production (no demo data, no test doubles), on the benchmark's own PostgreSQL,
/// with the raw-read endpoints added beside it and an access-record writer the benchmark can switch to discard
/// (<see cref="SwitchableAccessRecordWriter"/>).
/// </summary>
internal sealed class ServiceFactory(string connectionString) : WebApplicationFactory<global::Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSolutionRelativeContentRoot("src/RehabLedger.Api", "RehabLedger.sln");
        builder.UseEnvironment("Production");
        builder.UseSetting("ConnectionStrings:Marten", connectionString);
        builder.UseSetting("Demo:Seed", "false");
        // One token sends every request: the benchmark measures the service, not the per-caller limit.
        builder.UseSetting("RateLimits:Enabled", "false");
        // Tokens as production checks them, signed with a key of this run; the client sends a platform administrator's.
        builder.UseSetting("Auth:Issuer", "rehabledger-benchmark");
        builder.UseSetting("Auth:Audience", "rehabledger-api");
        builder.UseSetting("Auth:SigningKey", Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        // The event log's heads are signed with a key of this run, as production requires one.
        using (var ledgerKey = ECDsa.Create(ECCurve.NamedCurves.nistP256))
            builder.UseSetting("Ledger:SigningKey", ledgerKey.ExportPkcs8PrivateKeyPem());
        // Off by default in Production; the time-travel phase reads programAsOf's arguments by introspection.
        builder.UseSetting("GraphQL:Introspection", "true");
        // The service's informational lines would drown the results; warnings and errors still show.
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        // Warns that this program, not the service, is the entry assembly; handled by the discovery setting below.
        builder.UseSetting("Logging:LogLevel:Wolverine.Runtime.WolverineRuntime", "Error");
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<IStartupFilter>(new RawReadEndpoints(connectionString));
            // The service's access-record writer, switchable to discard for the rounds without read accounting.
            services.RemoveAll<IAccessRecordWriter>();
            services.AddSingleton<IAccessRecordWriter, SwitchableAccessRecordWriter>();
            // Wolverine takes the entry assembly (this program) for handler discovery unless told otherwise.
            services.ConfigureWolverine(options => options.ApplicationAssembly = typeof(RecordSession).Assembly);
        });
    }
}
