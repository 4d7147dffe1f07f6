using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Alba;
using RehabLedger.Security;
using RehabLedger.Tests.Support;

namespace RehabLedger.Tests.Security;

/// <summary>
/// Development mints platform_admin tokens for anyone who asks, so it answers only this machine: requests addressed
/// to a name that is not a loopback one (DNS rebinding) are refused 400 HOST_NOT_ALLOWED on every path, a token asked
/// for by another origin's page is refused 403 CROSS_ORIGIN_REFUSED, and a malformed token request is answered with
/// coded problem details, never with the developer exception page.
/// </summary>
// In the app collection: a host built beside the shared one while it starts can be taken for it.
[Collection(AppCollection.Name)]
public sealed class when_reaching_development_from_elsewhere : IAsyncLifetime
{
    private IAlbaHost _host = null!;

    public async Task InitializeAsync() => _host = await BareHost.Start("Development");

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<(HttpStatusCode Status, string? ContentType, string Body)> Send(string method, string path,
        Action<Microsoft.AspNetCore.Http.HttpContext> configure, byte[]? body = null, string? contentType = "application/json")
    {
        var result = await _host.Scenario(s =>
        {
            if (method == "POST") s.Post.Url(path);
            else s.Get.Url(path);
            s.ConfigureHttpContext(c =>
            {
                if (body is not null)
                {
                    c.Request.Body = new MemoryStream(body);
                    c.Request.ContentLength = body.Length;
                }
                if (contentType is not null) c.Request.ContentType = contentType;
                configure(c);
            });
            s.IgnoreStatusCode();
        });
        return ((HttpStatusCode)result.Context.Response.StatusCode, result.Context.Response.ContentType, await result.ReadAsTextAsync());
    }

    private static byte[] Json(string text) => Encoding.UTF8.GetBytes(text);

    private static string CodeOf(string body, bool graphql = false)
    {
        var json = JsonNode.Parse(body)!;
        return (graphql ? json["errors"]![0]!["extensions"]!["code"] : json["code"])!.GetValue<string>();
    }

    [Theory]
    [InlineData("rebind.attacker.example")]
    [InlineData("rebind.attacker.example:5000")]
    [InlineData("127.0.0.1.nip.io")]
    [InlineData("localhost.attacker.example")]
    [InlineData("10.0.0.7")]
    [InlineData("2130706433")]
    [InlineData("[::ffff:127.0.0.1]")]
    public async Task a_request_addressed_to_another_host_name_is_refused_everywhere(string host)
    {
        var mint = await Send("POST", DevTokens.Path, c => c.Request.Host = new(host), Json("""{"user":"dana"}"""));
        mint.Status.ShouldBe(HttpStatusCode.BadRequest, mint.Body);
        CodeOf(mint.Body).ShouldBe("HOST_NOT_ALLOWED");
        mint.Body.ShouldNotContain("token\"");

        var graphql = await Send("POST", "/graphql", c => c.Request.Host = new(host), Json("""{"query":"{ outcomeMeasures { code } }"}"""));
        graphql.Status.ShouldBe(HttpStatusCode.BadRequest);
        CodeOf(graphql.Body, graphql: true).ShouldBe("HOST_NOT_ALLOWED");
    }

    [Theory]
    [InlineData("localhost")]
    [InlineData("localhost:5000")]
    [InlineData("LOCALHOST")]
    [InlineData("rehabledger.localhost:5000")]
    [InlineData("127.0.0.1:5000")]
    [InlineData("[::1]:5000")]
    public async Task a_loopback_name_is_answered(string host)
    {
        var mint = await Send("POST", DevTokens.Path, c => c.Request.Host = new(host), Json("""{"user":"dana"}"""));
        mint.Status.ShouldBe(HttpStatusCode.OK, mint.Body);
    }

    [Theory]
    [InlineData("https://attacker.example", null)]
    [InlineData("null", null)]
    [InlineData("http://localhost:5001", null)]
    [InlineData(null, "cross-site")]
    [InlineData(null, "same-site")]
    public async Task a_token_asked_for_by_another_origin_is_refused(string? origin, string? fetchSite)
    {
        var mint = await Send("POST", DevTokens.Path, c =>
        {
            c.Request.Host = new("localhost:5000");
            if (origin is not null) c.Request.Headers.Origin = origin;
            if (fetchSite is not null) c.Request.Headers["Sec-Fetch-Site"] = fetchSite;
        }, Json("""{"user":"dana"}"""));
        mint.Status.ShouldBe(HttpStatusCode.Forbidden, mint.Body);
        CodeOf(mint.Body).ShouldBe("CROSS_ORIGIN_REFUSED");
    }

    [Fact]
    public async Task the_services_own_page_gets_a_token()
    {
        var mint = await Send("POST", DevTokens.Path, c =>
        {
            c.Request.Host = new("localhost:5000");
            c.Request.Headers.Origin = "http://localhost:5000";
            c.Request.Headers["Sec-Fetch-Site"] = "same-origin";
        }, Json("""{"user":"dana"}"""));
        mint.Status.ShouldBe(HttpStatusCode.OK, mint.Body);
    }

    public static IEnumerable<object?[]> MalformedBodies() => new (string Name, byte[] Body, string? ContentType, HttpStatusCode Status, string Code)[]
    {
        ("not JSON", Json("user=dana"), "application/json", HttpStatusCode.BadRequest, "INVALID_JSON"),
        ("truncated JSON", Json("""{"user":"da"""), "application/json", HttpStatusCode.BadRequest, "INVALID_JSON"),
        ("empty", [], "application/json", HttpStatusCode.BadRequest, "INVALID_JSON"),
        ("invalid UTF-8", [.. Json("""{"user":"da"""), 0xC3, 0x28, .. Json("\"}")], "application/json", HttpStatusCode.BadRequest, "INVALID_JSON"),
        ("an unpaired surrogate", Json("""{"sub":"\ud800","role":"platform_admin"}"""), "application/json", HttpStatusCode.BadRequest, "BAD_REQUEST"),
        ("a NUL in a claim", Json("""{"sub":"a\u0000b","role":"platform_admin"}"""), "application/json", HttpStatusCode.BadRequest, "BAD_REQUEST"),
        ("a NUL in a user name", Json("""{"user":"dana\u0000"}"""), "application/json", HttpStatusCode.BadRequest, "BAD_REQUEST"),
        ("a number for a string", Json("""{"user":42}"""), "application/json", HttpStatusCode.BadRequest, "BAD_REQUEST"),
        ("a string for a list", Json("""{"sub":"t","role":"therapist","clinics":"all"}"""), "application/json", HttpStatusCode.BadRequest, "BAD_REQUEST"),
        ("not a clinic id", Json("""{"sub":"t","role":"therapist","clinics":["x"]}"""), "application/json", HttpStatusCode.BadRequest, "BAD_REQUEST"),
        ("an overflowing lifetime", Json("""{"user":"dana","lifetimeMinutes":1e40}"""), "application/json", HttpStatusCode.BadRequest, "BAD_REQUEST"),
        ("an array", Json("""[{"user":"dana"}]"""), "application/json", HttpStatusCode.BadRequest, "BAD_REQUEST"),
        ("null", Json("null"), "application/json", HttpStatusCode.BadRequest, "BAD_REQUEST"),
        ("huge", Json($$"""{"user":"{{new string('a', 100_000)}}"}"""), "application/json", HttpStatusCode.RequestEntityTooLarge, "PAYLOAD_TOO_LARGE"),
        ("form content", Json("user=dana"), "application/x-www-form-urlencoded", HttpStatusCode.UnsupportedMediaType, "UNSUPPORTED_MEDIA_TYPE"),
        ("no content type", Json("""{"user":"dana"}"""), null, HttpStatusCode.UnsupportedMediaType, "UNSUPPORTED_MEDIA_TYPE"),
        ("another charset", Json("""{"user":"dana"}"""), "application/json; charset=latin1", HttpStatusCode.UnsupportedMediaType, "UNSUPPORTED_MEDIA_TYPE"),
    }.Select(x => new object?[] { x.Name, x.Body, x.ContentType, x.Status, x.Code });

    [Theory]
    [MemberData(nameof(MalformedBodies))]
    public async Task a_malformed_token_request_is_answered_with_a_code_and_no_stack_trace(string body, byte[] bytes, string? contentType,
        HttpStatusCode status, string code)
    {
        var answer = await Send("POST", DevTokens.Path, _ => { }, bytes, contentType);
        answer.Status.ShouldBe(status, $"{body}: {answer.Body}");
        answer.ContentType.ShouldNotBeNull().ShouldStartWith("application/problem+json");
        CodeOf(answer.Body).ShouldBe(code);
        foreach (var leak in new[] { "   at ", ".cs:line", "Exception", "/src/", "RehabLedger.Security" })
            answer.Body.ShouldNotContain(leak);
    }
}
