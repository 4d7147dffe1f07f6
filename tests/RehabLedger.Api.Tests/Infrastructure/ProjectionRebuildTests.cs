using JasperFx.Events.Projections;
using Marten;
using Marten.Events;
using Marten.Events.Daemon.Coordination;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using RehabLedger.Infrastructure.Marten;
using RehabLedger.Tests.Support;

namespace RehabLedger.Tests.Infrastructure;

/// <summary>
/// The events are the record; every document is derived from them. Rebuilding every registered projection, inline
/// and async, must reproduce the very same documents: a difference means a projection read the clock or state the
/// events do not hold. Projections are enumerated from the store, so one added later is covered without a change here.
/// </summary>
public sealed class ProjectionRebuildTests(AppFixture fixture) : AppScenario(fixture)
{
    private static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(60);

    private StoreOptions Options => ((DocumentStore)Fixture.Store).Options;

    /// <summary>Each registered projection by name, with the tables of the documents it writes.</summary>
    private IReadOnlyList<(string Name, IReadOnlyList<string> Tables)> Projections() =>
        Options.Projections.All
            .Select(p => (((ProjectionBase)p).Name, (IReadOnlyList<string>)p.PublishedTypes()
                .Select(t => Fixture.Store.Options.FindOrResolveDocumentType(t).TableName.QualifiedName).ToList()))
            .ToList();

    /// <summary>A projected document as stored: its id, the JSON PostgreSQL holds (jsonb, so key order is canonical), and when it was written.</summary>
    private sealed record Row(string Id, string Json, DateTimeOffset WrittenAt);

    private async Task<Dictionary<string, List<Row>>> Documents()
    {
        var documents = new Dictionary<string, List<Row>>();
        await using var connection = Fixture.Store.Storage.Database.CreateConnection();
        await connection.OpenAsync();
        foreach (var table in Projections().SelectMany(p => p.Tables).Distinct())
        {
            await using var command = new NpgsqlCommand($"select id::text, data::text, mt_last_modified from {table} order by id", connection);
            await using var reader = await command.ExecuteReaderAsync();
            var rows = new List<Row>();
            while (await reader.ReadAsync()) rows.Add(new Row(reader.GetString(0), reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2)));
            documents[table] = rows;
        }
        return documents;
    }

    [Fact]
    public async Task rebuilding_every_projection_reproduces_every_document_exactly()
    {
        // Marten's documented rebuild, on the host's running daemon: it rebuilds inline projections as well as async ones.
        var daemon = Host.Services.GetRequiredService<IProjectionCoordinator>().DaemonForMainDatabase();
        await RebuildReproducesEveryDocument(async () =>
        {
            foreach (var (name, _) in Projections()) await daemon.RebuildProjectionAsync(name, WaitLimit, CancellationToken.None);
        });
    }

    [Fact]
    public async Task the_rebuild_on_start_all_projections_at_once_reproduces_every_document_exactly()
    {
        var upgrade = Host.Services.GetServices<IHostedService>().OfType<ReadModelUpgrade>().Single();
        await RebuildReproducesEveryDocument(async () =>
        {
            await using (var session = Fixture.Store.LightweightSession())
            {
                session.Store(new ReadModelsVersion { Version = ReadModelsVersion.Current - 1 });
                await session.SaveChangesAsync();
            }
            await upgrade.StartAsync(CancellationToken.None);
        });
    }

    private async Task RebuildReproducesEveryDocument(Func<Task> rebuild)
    {
        await Host.RecordFullEpisode(Today);
        // A second episode, still active, so views of active episodes only have rows to compare as well.
        var other = await Host.OpenEpisode(Today.AddDays(-3));
        await Host.PrescribeExercise(other.EpisodeId, other.Version, Today.AddDays(-3));
        // A refused attempt, so the access log has a record to rebuild.
        await GraphQL("{ accessLog { totalCount } }", headers: Host.As(TestTokens.Therapist(other.ClinicId)));
        await Host.WaitForNonStaleProjectionDataAsync(WaitLimit);

        Projections().ShouldAllBe(p => p.Tables.Count > 0, "a projection writes no document table this test can compare");
        var before = await Documents();
        foreach (var (table, rows) in before)
            rows.ShouldNotBeEmpty($"{table} has no documents: extend the scenario so its projection is rebuilt from something");

        await rebuild();

        var after = await Documents();
        after.Keys.ShouldBe(before.Keys, ignoreOrder: true);
        foreach (var (table, rows) in before)
        {
            after[table].Select(r => $"{r.Id} {r.Json}").ShouldBe(rows.Select(r => $"{r.Id} {r.Json}"),
                $"{table} differs after its projection was rebuilt from the events");
            // Proof the rebuild ran: every document was written anew.
            after[table].Zip(rows).ShouldAllBe(x => x.First.WrittenAt > x.Second.WrittenAt, $"{table} was not rebuilt");
        }
    }
}
