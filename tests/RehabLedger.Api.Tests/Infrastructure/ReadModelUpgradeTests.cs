using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using RehabLedger.Infrastructure.Marten;
using RehabLedger.Sessions;
using RehabLedger.Tests.Support;

namespace RehabLedger.Tests.Infrastructure;

/// <summary>
/// A store projected by an older build is rebuilt on start, so the service never answers from stale documents. Every
/// test starts on an emptied store, whose version stamp is gone with the rest, so each runs the upgrade itself.
/// </summary>
public sealed class ReadModelUpgradeTests(AppFixture fixture) : AppScenario(fixture)
{
    private ReadModelUpgrade Upgrade => Host.Services.GetServices<IHostedService>().OfType<ReadModelUpgrade>().Single();

    [Fact]
    public async Task a_fresh_store_is_stamped_with_the_current_read_model_version()
    {
        await Upgrade.StartAsync(CancellationToken.None); // every test starts on an empty store

        await using var query = Fixture.Store.QuerySession();
        (await query.LoadAsync<ReadModelsVersion>(ReadModelsVersion.CurrentId))!.Version.ShouldBe(ReadModelsVersion.Current);
    }

    [Fact]
    public async Task documents_projected_by_an_older_build_are_rebuilt_from_the_events_on_start()
    {
        var e = await Host.OpenEpisode(Today.AddDays(-10));
        var sessionId = Guid.NewGuid();
        await Host.RecordAttended(e, e.Version, Today.AddDays(-1), sessionId);
        await using (var older = Fixture.Store.LightweightSession())
        {
            // As an older build left it: no session documents, and its own version stamp.
            older.Delete<RecordedSession>(EntryDocument.Key(e.EpisodeId, sessionId));
            older.Store(new ReadModelsVersion { Version = ReadModelsVersion.Current - 1 });
            await older.SaveChangesAsync();
        }

        await Upgrade.StartAsync(CancellationToken.None);

        await using var query = Fixture.Store.QuerySession();
        (await query.LoadAsync<RecordedSession>(EntryDocument.Key(e.EpisodeId, sessionId))).ShouldNotBeNull();
        (await query.LoadAsync<ReadModelsVersion>(ReadModelsVersion.CurrentId))!.Version.ShouldBe(ReadModelsVersion.Current);
    }

    [Fact]
    public async Task a_session_document_keyed_by_its_entry_id_alone_is_replaced_by_one_keyed_by_episode_and_entry()
    {
        var e = await Host.OpenEpisode(Today.AddDays(-10));
        var sessionId = Guid.NewGuid();
        await Host.RecordAttended(e, e.Version, Today.AddDays(-1), sessionId);
        await using (var older = Fixture.Store.LightweightSession())
        {
            // As read model version 3 left it: the document under the session's own id.
            var current = await older.LoadAsync<RecordedSession>(EntryDocument.Key(e.EpisodeId, sessionId));
            older.Delete<RecordedSession>(current!.Id);
            older.Store(current with { Id = sessionId });
            older.Store(new ReadModelsVersion { Version = 3 });
            await older.SaveChangesAsync();
        }

        await Upgrade.StartAsync(CancellationToken.None);

        await using var query = Fixture.Store.QuerySession();
        (await query.LoadAsync<RecordedSession>(sessionId)).ShouldBeNull();
        (await query.Query<RecordedSession>().Where(s => s.EpisodeId == e.EpisodeId).Select(s => s.Id).ToListAsync())
            .ShouldBe([EntryDocument.Key(e.EpisodeId, sessionId)]);
    }

    [Fact]
    public async Task nodes_starting_together_leave_one_consistent_store()
    {
        var e = await Host.OpenEpisode(Today.AddDays(-10));
        var sessionId = Guid.NewGuid();
        await Host.RecordAttended(e, e.Version, Today.AddDays(-1), sessionId);
        await using (var older = Fixture.Store.LightweightSession())
        {
            older.Delete<RecordedSession>(EntryDocument.Key(e.EpisodeId, sessionId));
            older.Store(new ReadModelsVersion { Version = ReadModelsVersion.Current - 1 });
            await older.SaveChangesAsync();
        }

        await Task.WhenAll(Upgrade.StartAsync(CancellationToken.None), Upgrade.StartAsync(CancellationToken.None));

        await using var query = Fixture.Store.QuerySession();
        (await query.LoadAsync<RecordedSession>(EntryDocument.Key(e.EpisodeId, sessionId))).ShouldNotBeNull();
        (await query.LoadAsync<ReadModelsVersion>(ReadModelsVersion.CurrentId))!.Version.ShouldBe(ReadModelsVersion.Current);
        (await query.Query<RecordedSession>().CountAsync(s => s.EpisodeId == e.EpisodeId)).ShouldBe(1);
    }

    [Fact]
    public async Task a_store_at_the_current_version_is_left_alone()
    {
        await Upgrade.StartAsync(CancellationToken.None); // stamps the empty store
        var e = await Host.OpenEpisode(Today.AddDays(-10));
        var sessionId = Guid.NewGuid();
        await Host.RecordAttended(e, e.Version, Today.AddDays(-1), sessionId);
        await using (var session = Fixture.Store.LightweightSession())
        {
            session.Delete<RecordedSession>(EntryDocument.Key(e.EpisodeId, sessionId));
            await session.SaveChangesAsync();
        }

        await Upgrade.StartAsync(CancellationToken.None);

        await using var query = Fixture.Store.QuerySession();
        (await query.LoadAsync<RecordedSession>(EntryDocument.Key(e.EpisodeId, sessionId))).ShouldBeNull();
        // Put the documents straight again for the tests after this one: an older stamp makes the next start rebuild.
        await using (var session = Fixture.Store.LightweightSession())
        {
            session.Store(new ReadModelsVersion { Version = ReadModelsVersion.Current - 1 });
            await session.SaveChangesAsync();
        }
        await Upgrade.StartAsync(CancellationToken.None);
        await using var repaired = Fixture.Store.QuerySession();
        (await repaired.LoadAsync<RecordedSession>(EntryDocument.Key(e.EpisodeId, sessionId))).ShouldNotBeNull();
    }
}
