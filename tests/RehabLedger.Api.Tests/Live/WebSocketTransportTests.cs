using System.Text.Json.Nodes;
using RehabLedger.Tests.Support;

namespace RehabLedger.Tests.Live;

public sealed class when_subscribing_over_a_websocket(AppFixture fixture) : AppScenario(fixture)
{
    private const string Changes = "subscription($id: ID!) { episodeChanges(episodeId: $id) { sequence version } }";

    [Fact]
    public async Task an_initialised_connection_delivers_each_entry_as_next_and_stops_at_the_clients_complete()
    {
        var e = await Host.OpenEpisode(Today.AddDays(-7));
        await using var ws = await WsClient.Ready(Host, Host.Token(TestTokens.Therapist(e.ClinicId)));
        await ws.Subscribe("1", Changes, new { id = e.EpisodeId });
        // A ping is answered while the subscription runs, so the subscription has been started before the write below.
        await ws.Send(new JsonObject { ["type"] = "ping" });
        (await ws.Receive())!["type"]!.GetValue<string>().ShouldBe("pong");

        var version = await Host.RecordAttended(e, e.Version, Today);

        var next = (await ws.Receive())!;
        next["type"]!.GetValue<string>().ShouldBe("next");
        next["id"]!.GetValue<string>().ShouldBe("1");
        next["payload"]!["data"]!["episodeChanges"]!["version"]!.GetValue<long>().ShouldBe(version);
        next["payload"]!["extensions"]!["sequence"]!.GetValue<long>()
            .ShouldBe(next["payload"]!["data"]!["episodeChanges"]!["sequence"]!.GetValue<long>());

        await ws.Send(new JsonObject { ["type"] = "complete", ["id"] = "1" });
        await ws.Send(new JsonObject { ["type"] = "ping" });
        (await ws.Receive())!["type"]!.GetValue<string>().ShouldBe("pong");
    }

    [Fact]
    public async Task an_operation_that_cannot_start_is_answered_with_an_error_message()
    {
        await using var ws = await WsClient.Ready(Host, Host.Token(TestTokens.PlatformAdmin));
        await ws.Subscribe("a", "subscription { episodeChanges { nope } }");
        var error = (await ws.Receive())!;
        error["type"]!.GetValue<string>().ShouldBe("error");
        error["id"]!.GetValue<string>().ShouldBe("a");
        error["payload"]!.AsArray().Count.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task an_episode_of_another_clinic_is_answered_not_found_then_complete()
    {
        var e = await Host.OpenEpisode(Today.AddDays(-7));
        await using var ws = await WsClient.Ready(Host, Host.Token(TestTokens.Therapist(Guid.NewGuid(), "stranger")));
        await ws.Subscribe("x", Changes, new { id = e.EpisodeId });
        var next = (await ws.Receive())!;
        next["payload"]!["errors"]![0]!["extensions"]!["code"]!.GetValue<string>().ShouldBe("NOT_FOUND");
        (await ws.Receive())!["type"]!.GetValue<string>().ShouldBe("complete");
    }

    [Fact]
    public async Task subscribing_before_the_acknowledgement_closes_with_4401()
    {
        await using var ws = await WsClient.Connect(Host);
        await ws.Subscribe("1", Changes, new { id = Guid.NewGuid() });
        (await ws.Closed()).ShouldBe(4401);
    }

    [Fact]
    public async Task a_second_connection_init_closes_with_4429()
    {
        await using var ws = await WsClient.Ready(Host, Host.Token(TestTokens.PlatformAdmin));
        await ws.Send(new JsonObject { ["type"] = "connection_init" });
        (await ws.Closed()).ShouldBe(4429);
    }

    [Fact]
    public async Task a_token_that_does_not_verify_closes_with_4403()
    {
        await using var ws = await WsClient.Connect(Host);
        await ws.Send(new JsonObject { ["type"] = "connection_init", ["payload"] = new JsonObject { ["authorization"] = "Bearer forged" } });
        (await ws.Closed()).ShouldBe(4403);
    }

    [Fact]
    public async Task a_second_subscriber_with_a_running_id_closes_with_4409()
    {
        var e = await Host.OpenEpisode(Today.AddDays(-7));
        await using var ws = await WsClient.Ready(Host, Host.Token(TestTokens.PlatformAdmin));
        await ws.Subscribe("same", Changes, new { id = e.EpisodeId });
        await ws.Subscribe("same", Changes, new { id = e.EpisodeId });
        (await ws.Closed()).ShouldBe(4409);
    }

    [Fact]
    public async Task a_message_that_is_not_the_protocols_closes_with_4400()
    {
        await using var ws = await WsClient.Ready(Host, Host.Token(TestTokens.PlatformAdmin));
        await ws.SendText("{ not json");
        (await ws.Closed()).ShouldBe(4400);
    }
}
