using Alba;
using Marten;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using RehabLedger.MerkleLog;

namespace RehabLedger.Tests.Support;

/// <summary>
/// One real host for the whole test assembly, on a real PostgreSQL: the server named by
/// <c>REHABLEDGER_TEST_CONNECTION</c>, or else one the service provisions the embedded way in a fresh folder
/// that is removed afterwards.
/// </summary>
public sealed class AppFixture : IAsyncLifetime
{
    /// <summary>"Today" for every test: a Wednesday, so week boundaries are not at the edge.</summary>
    public static readonly DateTimeOffset Now = new(2026, 3, 18, 14, 30, 0, TimeSpan.Zero);

    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), $"rehabledger-tests-{Guid.NewGuid():N}");

    public IAlbaHost Host { get; private set; } = null!;
    public FakeTimeProvider Clock { get; } = new(Now);
    public IDocumentStore Store => Host.Services.GetRequiredService<IDocumentStore>();
    public bool UsesEmbeddedPostgres { get; private set; }

    public async Task InitializeAsync()
    {
        var external = Environment.GetEnvironmentVariable("REHABLEDGER_TEST_CONNECTION");
        UsesEmbeddedPostgres = string.IsNullOrWhiteSpace(external);

        Host = await AlbaHost.For<Program>(builder =>
        {
            TestHostSettings.Apply(builder);
            // The suite sends thousands of requests as one subject; the limiter stays on, with room for them all.
            foreach (var caller in new[] { "Authenticated", "Anonymous" })
            foreach (var setting in new[] { "PermitsPerMinute", "Burst" })
                builder.UseSetting($"RateLimits:{caller}:{setting}", "1000000");
            if (UsesEmbeddedPostgres) builder.UseSetting("EmbeddedPostgres:DataDirectory", _dataDirectory);
            else builder.UseSetting("ConnectionStrings:Marten", external);

            builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(Clock));
        });
    }

    /// <summary>
    /// Every test starts from an empty store at the same "today". The event log refuses TRUNCATE, so its guard is
    /// switched off meanwhile, with the daemon paused, and the log's own tables are emptied with the events.
    /// </summary>
    public async Task ResetAsync()
    {
        Clock.AdjustTime(Now); // unlike SetUtcNow, may move back after a test advanced the clock
        await Host.PauseAllDaemonsAsync();
        await LedgerGuard.SwitchOff(Store);
        try
        {
            await LedgerGuard.Execute(Store, string.Join(";", LedgerTables.Guarded.Skip(1).Select(t => $"truncate {Store.Options.Events.DatabaseSchemaName}.{t}")));
            await Host.ResetAllMartenDataAsync();
        }
        finally
        {
            await LedgerGuard.SwitchOn(Store);
        }
        Host.Services.GetRequiredService<LedgerProgress>().Reset();
        await Host.ResumeAllDaemonsAsync();
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        if (UsesEmbeddedPostgres) TestHostSettings.DeleteDataFolder(_dataDirectory);
    }
}

[CollectionDefinition(Name)]
public sealed class AppCollection : ICollectionFixture<AppFixture>
{
    public const string Name = "app";
}

/// <summary>Base for end-to-end scenarios: a clean store before each test, GraphQL helpers at hand.</summary>
[Collection(AppCollection.Name)]
public abstract class AppScenario(AppFixture fixture) : IAsyncLifetime
{
    protected AppFixture Fixture { get; } = fixture;
    protected IAlbaHost Host => Fixture.Host;
    protected DateOnly Today => DateOnly.FromDateTime(Fixture.Clock.GetUtcNow().UtcDateTime);

    public virtual Task InitializeAsync() => Fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    protected Task<GraphQLResponse> GraphQL(string query, object? variables = null, IDictionary<string, string>? headers = null) =>
        Host.GraphQL(query, variables, headers);

    protected async Task<long> EventCount()
    {
        var stats = await Fixture.Store.Advanced.FetchEventStoreStatistics();
        return stats.EventCount;
    }
}
