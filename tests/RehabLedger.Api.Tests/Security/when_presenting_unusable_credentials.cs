using System.Net;
using System.Text.Json.Nodes;
using Alba;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using RehabLedger.Security;
using RehabLedger.Tests.Support;

namespace RehabLedger.Tests.Security;

/// <summary>
/// Credentials that are present but unusable are refused with 401 UNAUTHENTICATED on every route that serves data,
/// never taken for no credentials: an empty or blank Authorization header, another scheme, a bare "Bearer", two
/// headers; a token whose text claims hold control characters or broken text; a token whose declared lifetime is
/// longer than the service accepts, or that says it was issued in the future. Tokens here are built by hand and
/// signed with the host's key, so only the property under test is wrong.
/// </summary>
public sealed class when_presenting_unusable_credentials(AppFixture fixture) : AppScenario(fixture)
{
    private const string Open = "{ outcomeMeasures { code } }";

    private async Task<(HttpStatusCode Status, JsonNode? Body)> Send(string path, params string[] authorization)
    {
        var result = await Host.Scenario(s =>
        {
            if (path == "/graphql") s.Post.Json(new { query = Open }).ToUrl(path);
            else s.Get.Url(path);
            s.ConfigureHttpContext(c => c.Request.Headers.Authorization = authorization);
            s.IgnoreStatusCode();
        });
        var text = await result.ReadAsTextAsync();
        result.Context.Response.Headers.WWWAuthenticate.ToString().ShouldStartWith("Bearer");
        return ((HttpStatusCode)result.Context.Response.StatusCode, text.Length > 0 && text[0] == '{' ? JsonNode.Parse(text) : null);
    }

    private async Task ShouldBeRefused(params string[] authorization)
    {
        var graphql = await Send("/graphql", authorization);
        graphql.Status.ShouldBe(HttpStatusCode.Unauthorized, graphql.Body?.ToJsonString());
        graphql.Body!["errors"]!.AsArray().Single()!["extensions"]!["code"]!.GetValue<string>().ShouldBe("UNAUTHENTICATED");
        graphql.Body["data"].ShouldBeNull();

        var fhir = await Send($"/fhir/episodes/{Guid.NewGuid()}/outcome-history", authorization);
        fhir.Status.ShouldBe(HttpStatusCode.Unauthorized);
    }

    public static IEnumerable<object[]> UnusableHeaders() => new[]
    {
        new[] { "" }, new[] { " " }, new[] { "\t" }, new[] { "Bearer" }, new[] { "Bearer " }, new[] { "bearer" },
        new[] { "Token abc" }, new[] { "Basic" }, new[] { "Bearer a b" },
    }.Select(x => new object[] { x });

    [Theory]
    [MemberData(nameof(UnusableHeaders))]
    public async Task a_present_but_unusable_authorization_header_is_refused(string[] authorization) => await ShouldBeRefused(authorization);

    [Fact]
    public async Task two_authorization_headers_are_refused_even_when_both_hold_valid_tokens()
    {
        var token = "Bearer " + Host.Token(TestTokens.PlatformAdmin);
        await ShouldBeRefused(token, token);
    }

    [Fact]
    public async Task an_anonymous_request_without_the_header_still_reads_the_catalog() =>
        (await GraphQL(Open, headers: TestTokens.Anonymous.ToDictionary())).Ok();

    private long Now => Fixture.Clock.GetUtcNow().ToUnixTimeSeconds();

    /// <summary>A token with exactly this payload (issuer and audience added), signed with the host's key.</summary>
    private string Signed(string members, long? issuedAt, long? notBefore, long expires)
    {
        var times = (issuedAt is { } iat ? $"\"iat\":{iat}," : "") + (notBefore is { } nbf ? $"\"nbf\":{nbf}," : "") + $"\"exp\":{expires}";
        var payload = $"{{\"iss\":\"{TestTokens.Issuer}\",\"aud\":\"{TestTokens.Audience}\",{times},{members}}}";
        var key = new SymmetricSecurityKey(Host.Services.GetRequiredService<AuthSettings>().SigningKey);
        return "Bearer " + new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(payload, new SigningCredentials(key, SecurityAlgorithms.HmacSha256));
    }

    private string WithClaims(string members) => Signed(members, Now, Now, Now + 3600);

    private const string Admin = "\"role\":\"platform_admin\"";

    [Theory]
    [InlineData("\"sub\":\"admin\",\"name\":\"Jo\\u0000Rivera\"," + Admin)]
    [InlineData("\"sub\":\"admin\",\"name\":\"Jo\\nRivera\"," + Admin)]
    [InlineData("\"sub\":\"admin\",\"name\":\"Jo\\u001b[2J\"," + Admin)]
    [InlineData("\"sub\":\"admin\",\"name\":\"Jo \\ud800\"," + Admin)]
    [InlineData("\"sub\":\"admin\",\"name\":\"Jo \\uffff\"," + Admin)]
    [InlineData("\"sub\":\"ad\\u0000min\",\"name\":\"Jo\"," + Admin)]
    [InlineData("\"sub\":\"admin\\r\",\"name\":\"Jo\"," + Admin)]
    [InlineData("\"sub\":\"\\udc00admin\"," + Admin)]
    [InlineData("\"sub\":\"insurer\",\"role\":\"insurer\",\"payer\":\"aetna\\u0000\"")]
    [InlineData("\"sub\":\"insurer\",\"role\":\"insurer\",\"payer\":\"aetna\\u0085\"")]
    public async Task a_token_whose_text_claims_are_not_safe_text_is_refused(string members)
    {
        await ShouldBeRefused(WithClaims(members));
        (await Host.ClinicalEventCount()).ShouldBe(0);
    }

    [Fact]
    public async Task the_same_claims_in_safe_text_are_accepted()
    {
        (await GraphQL("{ clinics { id } }", headers: new Dictionary<string, string> { ["Authorization"] = WithClaims("\"sub\":\"admin\",\"name\":\"Zoë 王\"," + Admin) }))
            .Ok();
    }

    private const string AdminClaims = "\"sub\":\"admin\",\"name\":\"Jo\"," + Admin;

    public static IEnumerable<object[]> UnacceptableLifetimes() =>
        new[] { "a hundred years", "a day and a minute", "issued ten years ahead", "issued an hour ahead", "no start and two days left", "valid from next year" }
            .Select(x => new object[] { x });

    [Theory]
    [MemberData(nameof(UnacceptableLifetimes))]
    public async Task a_token_declaring_an_unacceptable_lifetime_is_refused(string lifetime)
    {
        const long hour = 3600, day = 24 * hour, year = 365 * day;
        var authorization = lifetime switch
        {
            "a hundred years" => Signed(AdminClaims, Now, Now, Now + 100 * year),
            "a day and a minute" => Signed(AdminClaims, Now - 60, null, Now + day),
            "issued ten years ahead" => Signed(AdminClaims, Now + 10 * year, null, Now + 10 * year + hour),
            "issued an hour ahead" => Signed(AdminClaims, Now + hour, null, Now + 2 * hour),
            "no start and two days left" => Signed(AdminClaims, null, null, Now + 2 * day),
            "valid from next year" => Signed(AdminClaims, Now, Now + year, Now + year + hour),
            _ => throw new ArgumentOutOfRangeException(nameof(lifetime)),
        };
        await ShouldBeRefused(authorization);
    }

    [Fact]
    public async Task lifetimes_up_to_a_day_and_issue_times_within_the_clock_skew_are_accepted()
    {
        const long day = 24 * 3600;
        foreach (var authorization in new[]
                 {
                     Signed(AdminClaims, Now, Now, Now + day),
                     Signed(AdminClaims, Now + 20, null, Now + 3600),
                     Signed(AdminClaims, null, null, Now + day - 60),
                     Signed(AdminClaims, Now - 3600, null, Now + 60),
                 })
            (await GraphQL("{ clinics { id } }", headers: new Dictionary<string, string> { ["Authorization"] = authorization })).Ok();
    }
}
