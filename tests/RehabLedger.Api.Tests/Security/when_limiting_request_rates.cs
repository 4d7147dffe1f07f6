using System.Net;
using System.Text.Json.Nodes;
using Alba;
using RehabLedger.Security;
using RehabLedger.Security.Edge;
using RehabLedger.Tests.Support;

namespace RehabLedger.Tests.Security;

/// <summary>
/// Each caller has its own allowance of requests: an authenticated caller by its token's subject, anyone else
/// (anonymous, or with a token that does not validate) by its address (an IPv6 one by its /64). Past it, 429
/// RATE_LIMITED with Retry-After. A host with a tiny allowance (two requests, then one a minute) shows it.
/// </summary>
// In the app collection: a host built beside the shared one while it starts can be taken for it.
[Collection(AppCollection.Name)]
public sealed class when_limiting_request_rates : IAsyncLifetime
{
    private const string Query = """{"query":"{ outcomeMeasures { code } }"}""";
    private IAlbaHost _host = null!;

    public async Task InitializeAsync() => _host = await BareHost.Start("Production", new Dictionary<string, string?>
    {
        ["RateLimits:Authenticated:PermitsPerMinute"] = "1",
        ["RateLimits:Authenticated:Burst"] = "2",
        ["RateLimits:Anonymous:PermitsPerMinute"] = "1",
        ["RateLimits:Anonymous:Burst"] = "2",
    });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<(HttpStatusCode Status, string? RetryAfter, string Body)> Send(string? bearer, string address, string path = "/graphql")
    {
        var result = await _host.Scenario(s =>
        {
            if (path == "/graphql") s.Post.Text(Query).ToUrl(path);
            else s.Get.Url(path);
            s.ConfigureHttpContext(c =>
            {
                c.Request.ContentType = "application/json";
                c.Connection.RemoteIpAddress = IPAddress.Parse(address);
            });
            if (bearer is not null) s.WithRequestHeader("Authorization", "Bearer " + bearer);
            s.IgnoreStatusCode();
        });
        return ((HttpStatusCode)result.Context.Response.StatusCode, result.Context.Response.Headers.RetryAfter.FirstOrDefault(),
            await result.ReadAsTextAsync());
    }

    private string Token(string subject) => _host.Token(new TokenClaims(subject, subject, Roles.PlatformAdmin));

    private static void ShouldBeLimited((HttpStatusCode Status, string? RetryAfter, string Body) answer, bool graphql = true)
    {
        answer.Status.ShouldBe(HttpStatusCode.TooManyRequests, answer.Body);
        int.Parse(answer.RetryAfter.ShouldNotBeNull()).ShouldBeGreaterThanOrEqualTo(1);
        var body = JsonNode.Parse(answer.Body)!;
        (graphql ? body["errors"]![0]!["extensions"]!["code"] : body["code"])!.GetValue<string>().ShouldBe("RATE_LIMITED");
    }

    [Fact]
    public async Task one_subject_past_its_allowance_is_refused_and_another_is_not()
    {
        var dana = Token("dana");
        (await Send(dana, "10.0.0.1")).Status.ShouldBe(HttpStatusCode.OK);
        (await Send(dana, "10.0.0.2")).Status.ShouldBe(HttpStatusCode.OK);
        ShouldBeLimited(await Send(dana, "10.0.0.3"));

        (await Send(Token("marcus"), "10.0.0.1")).Status.ShouldBe(HttpStatusCode.OK, "dana's exhaustion is hers alone");
        (await Send(null, "10.0.0.1")).Status.ShouldBe(HttpStatusCode.OK, "nor does it count against her address");
    }

    [Fact]
    public async Task anonymous_callers_are_counted_by_address()
    {
        (await Send(null, "192.0.2.10")).Status.ShouldBe(HttpStatusCode.OK);
        (await Send(null, "192.0.2.10")).Status.ShouldBe(HttpStatusCode.OK);
        ShouldBeLimited(await Send(null, "192.0.2.10"));
        ShouldBeLimited(await Send(null, "192.0.2.10", $"/fhir/episodes/{Guid.NewGuid()}/outcome-history"), graphql: false);

        (await Send(null, "192.0.2.11")).Status.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task a_forged_token_does_not_get_an_allowance_of_its_own()
    {
        (await Send("forged-1", "198.51.100.7")).Status.ShouldBe(HttpStatusCode.Unauthorized);
        (await Send("forged-2", "198.51.100.7")).Status.ShouldBe(HttpStatusCode.Unauthorized);
        ShouldBeLimited(await Send("forged-3", "198.51.100.7"));
        ShouldBeLimited(await Send(null, "198.51.100.7"));
        (await Send(Token("ops"), "198.51.100.7")).Status.ShouldBe(HttpStatusCode.OK, "a valid token is counted by its subject");
    }

    [Fact]
    public async Task ipv6_callers_are_counted_by_their_network()
    {
        (await Send(null, "2001:db8:1:2::1")).Status.ShouldBe(HttpStatusCode.OK);
        (await Send(null, "2001:db8:1:2::2")).Status.ShouldBe(HttpStatusCode.OK);
        ShouldBeLimited(await Send(null, "2001:db8:1:2:ffff::3"));
        (await Send(null, "2001:db8:1:3::1")).Status.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public void the_defaults_leave_room_for_real_clients()
    {
        var defaults = new RateLimitOptions();
        defaults.Enabled.ShouldBeTrue();
        defaults.Authenticated.PermitsPerMinute.ShouldBeGreaterThanOrEqualTo(600);
        defaults.Anonymous.PermitsPerMinute.ShouldBeGreaterThan(0);
    }
}
