using Marten;
using RehabLedger.Disclosures;
using RehabLedger.Security;
using RehabLedger.Tests.Support;

namespace RehabLedger.Tests.Live;

public sealed class when_subscribing_to_an_episodes_changes(AppFixture fixture) : AppScenario(fixture)
{
    private const string Subscription = """
        subscription($episodeId: ID!) {
          episodeChanges(episodeId: $episodeId) { sequence episodeId version entry { type version actor { id } } }
        }
        """;

    private async Task<SseClient> Subscribe(EpisodeSetup e, TokenClaims? who = null, long? lastEventId = null, TimeSpan? lifetime = null) =>
        await SseClient.Open(Host, Subscription, new { episodeId = e.EpisodeId },
            Host.Token(who ?? TestTokens.Therapist(e.ClinicId), lifetime), lastEventId);

    [Fact]
    public async Task each_new_entry_is_delivered_with_the_episodes_new_version_and_its_global_sequence()
    {
        var e = await Host.OpenEpisode(Today.AddDays(-7));
        await using var stream = await Subscribe(e);
        stream.Status.ShouldBe(System.Net.HttpStatusCode.OK);

        var version = await Host.RecordAttended(e, e.Version, Today);
        var message = await stream.NextResult();

        var change = message.Data!["data"]!["episodeChanges"]!;
        change["version"]!.GetValue<long>().ShouldBe(version);
        change["entry"]!["type"]!.GetValue<string>().ShouldBe("session_recorded");
        change["sequence"]!.GetValue<long>().ShouldBe(message.Sequence);
        message.Data!["extensions"]!["sequence"]!.GetValue<long>().ShouldBe(message.Sequence);
    }

    [Fact]
    public async Task an_event_appended_to_the_store_by_another_writer_is_delivered()
    {
        var e = await Host.OpenEpisode(Today.AddDays(-7));
        await using var stream = await Subscribe(e);

        // Straight into the store, past this node's GraphQL and command bus: as a write through another node would be.
        await Fixture.Prescribe(e.EpisodeId, Today);

        (await stream.NextResult()).Data!["data"]!["episodeChanges"]!["entry"]!["type"]!.GetValue<string>().ShouldBe("exercise_prescribed");
    }

    [Fact]
    public async Task a_client_that_reconnects_with_last_event_id_gets_every_later_entry_once_in_order()
    {
        var e = await Host.OpenEpisode(Today.AddDays(-7));
        long seen;
        var version = e.Version;
        await using (var first = await Subscribe(e))
        {
            version = await Host.RecordAttended(e, version, Today.AddDays(-3));
            seen = (await first.NextResult()).Sequence;
        }

        // Written while the client was away.
        var missed = new List<long>();
        for (var day = -2; day <= -1; day++) missed.Add(version = await Host.RecordAttended(e, version, Today.AddDays(day)));

        await using var again = await Subscribe(e, lastEventId: seen);
        var delivered = new List<(long Sequence, long Version)>();
        for (var i = 0; i < missed.Count; i++)
        {
            var m = await again.NextResult();
            delivered.Add((m.Sequence, m.Data!["data"]!["episodeChanges"]!["version"]!.GetValue<long>()));
        }
        delivered.Select(d => d.Version).ShouldBe(missed);
        delivered.Select(d => d.Sequence).ShouldBeInOrder(SortDirection.Ascending);
        delivered.ShouldAllBe(d => d.Sequence > seen);

        // Then live, with nothing repeated in between.
        var live = await Host.RecordAttended(e, version, Today);
        (await again.NextResult()).Data!["data"]!["episodeChanges"]!["version"]!.GetValue<long>().ShouldBe(live);
    }

    [Fact]
    public async Task a_since_argument_resumes_after_that_sequence_over_a_websocket_too()
    {
        var e = await Host.OpenEpisode(Today.AddDays(-7));
        long since;
        await using (var first = await Subscribe(e))
        {
            await Host.RecordAttended(e, e.Version, Today.AddDays(-1));
            since = (await first.NextResult()).Sequence;
        }
        var missed = await Host.RecordAttended(e, e.Version + 1, Today);

        await using var ws = await WsClient.Ready(Host, Host.Token(TestTokens.Therapist(e.ClinicId)));
        await ws.Subscribe("r", "subscription($id: ID!, $since: Long) { episodeChanges(episodeId: $id, since: $since) { sequence version } }",
            new { id = e.EpisodeId, since });
        var next = (await ws.Receive())!["payload"]!["data"]!["episodeChanges"]!;
        next["version"]!.GetValue<long>().ShouldBe(missed);
        next["sequence"]!.GetValue<long>().ShouldBeGreaterThan(since);
    }

    [Fact]
    public async Task an_episode_of_another_clinic_is_refused_as_not_found_like_an_unknown_one()
    {
        var e = await Host.OpenEpisode(Today.AddDays(-7));
        var stranger = TestTokens.Therapist(Guid.NewGuid(), "stranger");

        await using var foreign = await Subscribe(e, stranger);
        await using var unknown = await SseClient.Open(Host, Subscription, new { episodeId = Guid.NewGuid() }, Host.Token(stranger));

        var refused = await foreign.NextResult();
        refused.ErrorCode.ShouldBe("NOT_FOUND");
        (await unknown.NextResult()).ErrorCode.ShouldBe("NOT_FOUND");
        (await foreign.Next()).Event.ShouldBe("complete");
    }

    [Fact]
    public async Task every_delivered_entry_is_accounted_as_a_read_by_the_subscriber()
    {
        var e = await Host.OpenEpisode(Today.AddDays(-7));
        await using var stream = await Subscribe(e);
        await Host.RecordAttended(e, e.Version, Today);
        await stream.NextResult();

        // The delivery's own operation completed (its access record appended) before the message left.
        await using var session = Fixture.Store.QuerySession();
        var reads = await session.Events.QueryRawEventDataOnly<DisclosureRecorded>()
            .Where(d => d.Operation == "Subscription.episodeChanges" && d.EpisodeId == e.EpisodeId).ToListAsync();
        reads.Count(d => d.Outcome == DisclosureOutcome.Granted).ShouldBe(2, "one when subscribing, one for the delivered entry");
        reads.ShouldAllBe(d => d.By.Id == "test-therapist");
    }

    [Fact]
    public async Task an_expired_token_ends_the_stream_with_unauthenticated_at_the_next_event()
    {
        var e = await Host.OpenEpisode(Today.AddDays(-7));
        await using var stream = await Subscribe(e, lifetime: TimeSpan.FromMinutes(5));
        Fixture.Clock.Advance(TimeSpan.FromMinutes(6));

        await Fixture.Prescribe(e.EpisodeId, Today);

        (await stream.NextResult()).ErrorCode.ShouldBe("UNAUTHENTICATED");
        (await stream.Next()).Event.ShouldBe("complete");
    }
}
