using JasperFx;
using RehabLedger.Audit;
using RehabLedger.Infrastructure;
using RehabLedger.Demo;
using RehabLedger.GraphQL;
using RehabLedger.GraphQL.Http;
using RehabLedger.Infrastructure.Correlation;
using RehabLedger.Infrastructure.Health;
using RehabLedger.Infrastructure.Marten;
using RehabLedger.Infrastructure.Postgres;
using RehabLedger.Infrastructure.Telemetry;
using RehabLedger.Insurers.Fhir;
using RehabLedger.MerkleLog;
using RehabLedger.Live;
using RehabLedger.Security;
using RehabLedger.Security.Edge;
using RehabLedger.WebApp;
using Wolverine;

// The container health check: asks a running service, starts nothing.
if (HealthProbe.Requested(args, out var probeUrl)) return await HealthProbe.RunAsync(probeUrl);

var builder = WebApplication.CreateBuilder(args);

string connectionString;
try
{
    // Settings first: a service that cannot check tokens must not get as far as starting a database.
    builder.AddRehabLedgerAuth();
    builder.AddRehabLedgerGraphQL();
    builder.AddRehabLedgerEdge();
    builder.AddRehabLedgerLedger();
    connectionString = builder.ResolvePostgres();
}
catch (Exception e) when (e is EmbeddedPostgresException or InvalidConfigurationException)
{
    // One clear message instead of a stack trace: what to install or set.
    Console.Error.WriteLine($"RehabLedger cannot start: {e.Message}");
    return 1;
}

builder.AddRehabLedgerTelemetry();
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddRehabLedgerEventStore(connectionString);
builder.Host.UseWolverine(options => options.UseRehabLedgerCommands());
builder.Services.AddRehabLedgerHealth(connectionString);
builder.AddDemoData();

var app = builder.Build();
// However Main ends (a start that failed or was cancelled included), the embedded PostgreSQL, if any, is stopped.
using var embeddedPostgres = app.Services.GetService<EmbeddedPostgres>();

app.UseMiddleware<CorrelationIdMiddleware>();
app.UseRehabLedgerEdge();
app.UseMiddleware<DatabaseOutageMiddleware>();
app.UseStaticFiles();
app.UseAuthentication();
app.UseRehabLedgerRateLimits();
app.UseWebSockets();
app.UseAuthorization();
app.MapGraphQLHttp<RehabLedgerSchema>();
app.MapGraphQLStreams();
app.MapGraphiQL();
app.MapWebApp();
app.MapGet("/", () => Results.Redirect(WebAppEndpoint.Path)).ExcludeFromDescription();
app.MapInsurerFhir();
app.MapLedger();
app.MapAuditDownloads();
app.MapDevTokens();
app.MapRehabLedgerHealth();
app.AnnounceEndpoints();

// A JasperFx command is named first (`codegen write` writes the generated handler code into Internal/Generated);
// anything else runs the service, including ASP.NET's own `--key value` settings (`--urls`, `--Auth:Issuer`) that
// JasperFx's parser would refuse as unknown flags.
if (args is [var command, ..] && !command.StartsWith('-')) return await app.RunJasperFxCommands(args);
await app.RunAsync();
return 0;

/// <summary>Entry point, visible to the test host.</summary>
public partial class Program;
