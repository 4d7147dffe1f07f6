using System.Net.Http.Headers;
using Marten;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using RehabLedger.Infrastructure.Postgres;
using RehabLedger.Security;

namespace RehabLedger.Benchmarks.Hosting;

/// <summary>
/// The service under test, started in this process on a real Kestrel socket, on a PostgreSQL provisioned the
/// service's own embedded way in a fresh temporary folder that is removed afterwards.
/// </summary>
public sealed class BenchmarkHost : IAsyncDisposable
{
    private readonly string _dataDirectory;
    private readonly EmbeddedPostgres _postgres;
    private readonly ServiceFactory _factory;

    private BenchmarkHost(string dataDirectory, EmbeddedPostgres postgres, ServiceFactory factory, Uri address, string token)
    {
        _dataDirectory = dataDirectory;
        _postgres = postgres;
        _factory = factory;
        Address = address;
        DataSource = NpgsqlDataSource.Create(postgres.ConnectionString);
        // A client as a dashboard or an app uses it: keep-alive connections, enough of them for every worker.
        Http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
        {
            BaseAddress = address,
        };
        Http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/graphql-response+json"));
        Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }

    public Uri Address { get; }
    public HttpClient Http { get; }
    public NpgsqlDataSource DataSource { get; }
    public string ConnectionString => _postgres.ConnectionString;
    public IServiceProvider Services => _factory.Services;
    public IDocumentStore Store => Services.GetRequiredService<IDocumentStore>();

    public static BenchmarkHost Start()
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), $"rehabledger-bench-{Guid.NewGuid():N}");
        var postgres = EmbeddedPostgres.Start(new EmbeddedPostgresOptions { DataDirectory = dataDirectory }, NullLogger.Instance);
        // An interrupted run must not leave its PostgreSQL running (stopping twice is harmless).
        AppDomain.CurrentDomain.ProcessExit += (_, _) => postgres.Dispose();
        try
        {
            var factory = new ServiceFactory(postgres.ConnectionString);
            factory.UseKestrel(0);
            factory.StartServer();
            var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
                .Select(a => new Uri(a.Replace("[::]", "127.0.0.1").Replace("0.0.0.0", "127.0.0.1").Replace("localhost", "127.0.0.1")))
                .First();
            // Long enough for the largest run: every request is authenticated and authorized, as in production.
            var token = factory.Services.GetRequiredService<TokenIssuer>()
                .Issue(new TokenClaims("benchmark", "Benchmark client", Roles.PlatformAdmin), TimeSpan.FromDays(1)).Token;
            return new BenchmarkHost(dataDirectory, postgres, factory, address, token);
        }
        catch
        {
            postgres.Dispose();
            DeleteDataDirectory(dataDirectory);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await DataSource.DisposeAsync();
        await _factory.DisposeAsync();
        await _postgres.DisposeAsync();
        DeleteDataDirectory(_dataDirectory);
    }

    private static void DeleteDataDirectory(string dataDirectory)
    {
        try
        {
            if (Directory.Exists(dataDirectory)) Directory.Delete(dataDirectory, recursive: true);
            File.Delete(dataDirectory + ".credentials");
        }
        catch (IOException)
        {
            // A file PostgreSQL is still closing: the temporary folder is cleaned by the OS.
        }
    }
}
