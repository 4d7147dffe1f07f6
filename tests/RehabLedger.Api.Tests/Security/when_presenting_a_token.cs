using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Alba;
using Microsoft.Extensions.DependencyInjection;
using RehabLedger.Security;
using RehabLedger.Tests.Support;

namespace RehabLedger.Tests.Security;

/// <summary>
/// Only a token signed with the configured key, for this issuer and audience, unexpired and naming a coherent caller
/// gets through. Anything else is refused with 401 UNAUTHENTICATED and a WWW-Authenticate challenge, even on the one
/// field anonymous callers may use: a broken credential is never treated as no credential.
/// </summary>
public sealed class when_presenting_a_token(AppFixture fixture) : AppScenario(fixture)
{
    private const string Open = "{ outcomeMeasures { code } }";
    private const string Protected = "{ clinics { id } }";

    private TokenIssuer Issuer => Host.Services.GetRequiredService<TokenIssuer>();
    private static readonly TokenClaims Therapist = TestTokens.Therapist(Guid.NewGuid());

    private async Task<(HttpStatusCode Status, string? Challenge, JsonNode Body)> Send(string query, string? authorization)
    {
        var result = await Host.Scenario(s =>
        {
            s.Post.Json(new { query }).ToUrl("/graphql");
            if (authorization is not null) s.WithRequestHeader("Authorization", authorization);
            s.IgnoreStatusCode();
        });
        var response = result.Context.Response;
        return ((HttpStatusCode)response.StatusCode, response.Headers.WWWAuthenticate.FirstOrDefault(), JsonNode.Parse(await result.ReadAsTextAsync())!);
    }

    private static string Bearer(string token) => "Bearer " + token;

    private static void ShouldBeRefused((HttpStatusCode Status, string? Challenge, JsonNode Body) answer)
    {
        answer.Status.ShouldBe(HttpStatusCode.Unauthorized, answer.Body.ToJsonString());
        answer.Challenge.ShouldNotBeNull().ShouldStartWith("Bearer");
        answer.Body["errors"]!.AsArray().Single()!["extensions"]!["code"]!.GetValue<string>().ShouldBe("UNAUTHENTICATED");
        answer.Body["data"].ShouldBeNull();
    }

    public static IEnumerable<object[]> BrokenTokens() =>
        new[] { "wrongly signed", "another issuer", "another audience", "no role", "an unknown role", "a therapist without a clinic",
            "an insurer without a payer", "a patient without a patient id", "alg none", "not a token", "basic credentials" }
        .Select(x => new object[] { x });

    [Theory]
    [MemberData(nameof(BrokenTokens))]
    public async Task a_broken_credential_is_refused_even_where_anonymous_callers_are_welcome(string broken)
    {
        var authorization = broken switch
        {
            "wrongly signed" => Bearer(Issuer.Issue(Therapist, signingKey: RandomNumberGenerator.GetBytes(32)).Token),
            "another issuer" => Bearer(Issuer.Issue(Therapist, issuer: "https://login.example.org").Token),
            "another audience" => Bearer(Issuer.Issue(Therapist, audience: "another-api").Token),
            "no role" => Bearer(Issuer.Issue(Therapist with { Role = "" }).Token),
            "an unknown role" => Bearer(Issuer.Issue(Therapist with { Role = "superuser" }).Token),
            "a therapist without a clinic" => Bearer(Issuer.Issue(Therapist with { Clinics = [] }).Token),
            "an insurer without a payer" => Bearer(Issuer.Issue(TestTokens.Insurer("aetna") with { Payer = null }).Token),
            "a patient without a patient id" => Bearer(Issuer.Issue(TestTokens.Patient(Guid.NewGuid()) with { Patient = null }).Token),
            "alg none" => Bearer(Unsigned(TestTokens.PlatformAdmin)),
            "not a token" => "Bearer not-a-token",
            "basic credentials" => "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("admin:admin")),
            _ => throw new ArgumentOutOfRangeException(nameof(broken)),
        };

        ShouldBeRefused(await Send(Open, authorization));
        ShouldBeRefused(await Send(Protected, authorization));
    }

    [Fact]
    public async Task an_expired_token_is_refused_once_the_clock_passes_its_expiry_and_the_skew()
    {
        var token = Issuer.Issue(TestTokens.PlatformAdmin, TimeSpan.FromHours(1)).Token;
        (await Send(Protected, Bearer(token))).Status.ShouldBe(HttpStatusCode.OK);

        Fixture.Clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(20));
        (await Send(Protected, Bearer(token))).Status.ShouldBe(HttpStatusCode.OK, "within the 30 s clock skew");

        Fixture.Clock.Advance(TimeSpan.FromSeconds(20));
        ShouldBeRefused(await Send(Protected, Bearer(token)));
    }

    [Fact]
    public async Task without_a_token_only_the_open_catalog_answers()
    {
        (await Send(Open, null)).Status.ShouldBe(HttpStatusCode.OK);
        ShouldBeRefused(await Send(Protected, null));
        ShouldBeRefused(await Send("mutation { registerClinic(input: { name: \"Ghost PT\" }) { version } }", null));
        (await Host.ClinicalEventCount()).ShouldBe(0);
    }

    [Fact]
    public async Task a_valid_token_names_the_actor_of_what_it_writes()
    {
        var claims = new TokenClaims("u-4711", "Jo Rivera", Roles.PlatformAdmin);
        var answer = await GraphQL("mutation { registerClinic(input: { name: \"Juniper PT\" }) { clinic { id } } }", headers: Host.As(claims));
        var clinicId = ClinicalApi.IdOf(answer.Ok()["registerClinic"]!["clinic"]!);

        await using var session = Fixture.Store.QuerySession();
        var registered = (await session.Events.FetchStreamAsync(clinicId)).Single();
        registered.Data.ShouldBeOfType<RehabLedger.Clinics.ClinicRegistered>().By.ShouldBe(new RehabLedger.Common.ActorRef("u-4711", Roles.PlatformAdmin, "Jo Rivera"));
        registered.UserName.ShouldBe("u-4711");
    }

    /// <summary>A token with the right claims and no signature at all.</summary>
    private string Unsigned(TokenClaims claims)
    {
        static string Encode(string json) => Convert.ToBase64String(Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var now = Fixture.Clock.GetUtcNow().ToUnixTimeSeconds();
        var payload = new JsonObject
        {
            ["sub"] = claims.Subject, ["name"] = claims.Name, ["role"] = claims.Role, ["iss"] = TestTokens.Issuer, ["aud"] = TestTokens.Audience,
            ["iat"] = now, ["nbf"] = now, ["exp"] = now + 3600,
        };
        return $"{Encode("""{"alg":"none","typ":"JWT"}""")}.{Encode(payload.ToJsonString())}.";
    }
}
