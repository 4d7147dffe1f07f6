using Alba;
using Marten;
using RehabLedger.Tests.Support;

namespace RehabLedger.Tests.Infrastructure.Correlation;

/// <summary>
/// The permanent record's correlation id is always the service's own, one per request: a caller cannot make its events
/// share an id with another request's. The caller's X-Correlation-Id is kept apart, in the event metadata header
/// <c>client-correlation-id</c>, when it looks like an id; anything else is dropped and the request goes on.
/// </summary>
public sealed class when_a_caller_sends_a_correlation_id(AppFixture fixture) : AppScenario(fixture)
{
    private static Dictionary<string, string> Correlation(string id) => new() { ["X-Correlation-Id"] = id };

    private async Task<Guid> RegisterClinic(string correlationId) => ClinicalApi.IdOf(
        (await GraphQL("mutation { registerClinic(input: { name: \"Juniper PT\" }) { clinic { id } } }", headers: Correlation(correlationId)))
        .Ok()["registerClinic"]!["clinic"]!);

    [Fact]
    public async Task two_requests_with_the_same_id_are_recorded_under_different_ids()
    {
        var first = await RegisterClinic("visit-42");
        var second = await RegisterClinic("visit-42");

        await using var session = Fixture.Store.QuerySession();
        var a = (await session.Events.FetchStreamAsync(first)).Single();
        var b = (await session.Events.FetchStreamAsync(second)).Single();
        a.CorrelationId.ShouldNotBeNullOrEmpty();
        b.CorrelationId.ShouldNotBeNullOrEmpty();
        a.CorrelationId.ShouldNotBe(b.CorrelationId);
        new[] { a.CorrelationId, b.CorrelationId }.ShouldNotContain("visit-42");
        a.Headers!["client-correlation-id"]?.ToString().ShouldBe("visit-42");
        b.Headers!["client-correlation-id"]?.ToString().ShouldBe("visit-42");
    }

    [Fact]
    public async Task the_access_record_of_a_read_keeps_the_callers_id_apart_too()
    {
        var world = await SecurityWorld.Seed(Host, Today);
        var auditor = world.Headers(Host, Who.Auditor).ToDictionary();
        auditor["X-Correlation-Id"] = "audit-7";
        (await GraphQL($$"""{ episode(id: "{{world.A.EpisodeId}}") { id } }""", headers: auditor)).Ok();

        await using var session = Fixture.Store.QuerySession();
        var recorded = (await session.Events.QueryAllRawEvents().Where(e => e.EventTypeName == "disclosure_recorded").ToListAsync()).Single();
        recorded.CorrelationId.ShouldNotBe("audit-7");
        recorded.Headers!["client-correlation-id"]?.ToString().ShouldBe("audit-7");
    }

    [Theory]
    [InlineData("nul\0inside")]
    [InlineData("line\nbreak")]
    [InlineData("spaces are not id characters")]
    [InlineData("ünïcode")]
    [InlineData("10 KB")]
    public async Task a_value_that_is_not_an_id_is_dropped_and_the_request_goes_on(string value)
    {
        if (value == "10 KB") value = new string('x', 10 * 1024);
        var result = await Host.Scenario(s =>
        {
            s.Post.Json(new { query = "mutation { registerClinic(input: { name: \"Juniper PT\" }) { clinic { id } } }" }).ToUrl("/graphql");
            s.WithRequestHeader("Authorization", "Bearer " + Host.Token(TestTokens.PlatformAdmin));
            s.ConfigureHttpContext(c => c.Request.Headers["X-Correlation-Id"] = value);
            s.StatusCodeShouldBe(200);
        });
        result.Context.Response.Headers.ContainsKey("X-Client-Correlation-Id").ShouldBeFalse();

        await using var session = Fixture.Store.QuerySession();
        var recorded = (await session.Events.QueryAllRawEvents().ToListAsync()).Single();
        recorded.CorrelationId.ShouldBe(result.Context.Response.Headers["X-Correlation-Id"].ToString());
        (recorded.Headers?.ContainsKey("client-correlation-id") ?? false).ShouldBeFalse();
    }
}
