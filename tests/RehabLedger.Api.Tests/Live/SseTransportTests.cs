using System.Net;
using RehabLedger.Tests.Support;

namespace RehabLedger.Tests.Live;

public sealed class when_a_request_reaches_the_sse_endpoint(AppFixture fixture) : AppScenario(fixture)
{
    private const string Subscription = "subscription($id: ID!) { episodeChanges(episodeId: $id) { sequence } }";

    [Fact]
    public async Task a_client_that_does_not_accept_an_event_stream_is_refused_with_406()
    {
        await using var stream = await SseClient.Open(Host, Subscription, new { id = Guid.NewGuid() }, Host.Token(TestTokens.PlatformAdmin),
            accept: "application/json");
        stream.Status.ShouldBe(HttpStatusCode.NotAcceptable);
    }

    [Fact]
    public async Task an_invalid_token_is_refused_with_401_before_anything_streams()
    {
        await using var stream = await SseClient.Open(Host, Subscription, new { id = Guid.NewGuid() }, "not-a-token");
        stream.Status.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task an_anonymous_subscription_is_refused_with_401()
    {
        await using var stream = await SseClient.Open(Host, Subscription, new { id = Guid.NewGuid() });
        stream.Status.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task a_document_that_does_not_validate_is_refused_with_400_and_its_errors()
    {
        await using var stream = await SseClient.Open(Host, "subscription { episodeChanges { nope } }", token: Host.Token(TestTokens.PlatformAdmin));
        stream.Status.ShouldBe(HttpStatusCode.BadRequest);
        (await stream.Body())["errors"]!.AsArray().Count.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task a_role_outside_the_fields_policy_is_refused_with_403()
    {
        await using var stream = await SseClient.Open(Host, Subscription, new { id = Guid.NewGuid() }, Host.Token(TestTokens.Insurer("aetna")));
        stream.Status.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task subscriptions_over_plain_graphql_http_are_still_refused()
    {
        var response = await GraphQL(Subscription, new { id = Guid.NewGuid() });
        response.ErrorCode.ShouldBe("SUBSCRIPTION_NOT_SUPPORTED");
    }

    [Fact]
    public async Task a_query_over_sse_is_one_next_then_complete()
    {
        await using var stream = await SseClient.Open(Host, "{ __typename }", token: Host.Token(TestTokens.PlatformAdmin));
        (await stream.NextResult()).Data!["data"]!["__typename"]!.GetValue<string>().ShouldBe("Query");
        (await stream.Next()).Event.ShouldBe("complete");
    }
}
