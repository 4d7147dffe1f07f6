using System.Text;
using Alba;
using Microsoft.AspNetCore.Http;
using RehabLedger.Security;
using RehabLedger.Tests.Support;

namespace RehabLedger.Tests.Security;

/// <summary>
/// Every response, errors included, says nosniff, no-referrer and must not be framed; those that hold patient data or
/// tokens (GraphQL, FHIR, development tokens) also say no-store; the GraphiQL page has a Content-Security-Policy of
/// its own that runs only its own scripts.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class when_reading_response_headers(AppFixture fixture)
{
    private IAlbaHost Host => fixture.Host;

    private async Task<IHeaderDictionary> Send(int expectedStatus, string method, string path, string? body = null,
        string? bearer = "admin", string contentType = "application/json")
    {
        var result = await Host.Scenario(s =>
        {
            if (method == "GET") s.Get.Url(path);
            else if (method == "PUT") s.Put.Url(path);
            else s.Post.Url(path);
            s.ConfigureHttpContext(c =>
            {
                if (body is null) return;
                var bytes = Encoding.UTF8.GetBytes(body);
                c.Request.Body = new MemoryStream(bytes);
                c.Request.ContentLength = bytes.Length;
                c.Request.ContentType = contentType;
            });
            if (bearer is not null)
                s.WithRequestHeader("Authorization", "Bearer " + (bearer == "admin" ? Host.Token(TestTokens.PlatformAdmin) : bearer));
            s.StatusCodeShouldBe(expectedStatus);
        });
        return result.Context.Response.Headers;
    }

    private static void ShouldHaveTheCommonHeaders(IHeaderDictionary headers)
    {
        headers.XContentTypeOptions.ToString().ShouldBe("nosniff");
        headers["Referrer-Policy"].ToString().ShouldBe("no-referrer");
        headers.XFrameOptions.ToString().ShouldBe("DENY");
        headers.ContentSecurityPolicy.ToString().ShouldContain("frame-ancestors 'none'");
    }

    private static void ShouldNotBeStored(IHeaderDictionary headers)
    {
        ShouldHaveTheCommonHeaders(headers);
        headers.CacheControl.ToString().ShouldBe("no-store");
    }

    [Fact]
    public async Task graphql_answers_are_never_stored_whatever_their_status()
    {
        ShouldNotBeStored(await Send(200, "POST", "/graphql", """{"query":"{ outcomeMeasures { code } }"}"""));
        ShouldNotBeStored(await Send(200, "GET", "/graphql?query=%7B%20outcomeMeasures%20%7B%20code%20%7D%20%7D"));
        ShouldNotBeStored(await Send(400, "POST", "/graphql", "{not json"));
        ShouldNotBeStored(await Send(401, "POST", "/graphql", """{"query":"{ clinics { id } }"}""", bearer: "forged"));
        ShouldNotBeStored(await Send(405, "PUT", "/graphql"));
        ShouldNotBeStored(await Send(413, "POST", "/graphql", $$"""{"query":"{{new string(' ', 2 * 1024 * 1024)}}"}"""));
        ShouldNotBeStored(await Send(415, "POST", "/graphql", """{"query":"{ outcomeMeasures { code } }"}""", contentType: "text/plain"));
    }

    [Fact]
    public async Task fhir_answers_are_never_stored_whatever_their_status()
    {
        ShouldNotBeStored(await Send(404, "GET", $"/fhir/episodes/{Guid.NewGuid()}/outcome-history"));
        ShouldNotBeStored(await Send(401, "GET", $"/fhir/episodes/{Guid.NewGuid()}/outcome-history", bearer: null));
    }

    [Fact]
    public async Task development_tokens_are_never_stored()
    {
        await using var development = await BareHost.Start("Development");
        foreach (var (body, status) in new[] { ("""{"user":"dana"}""", 200), ("""{"user":7}""", 400) })
        {
            var result = await development.Scenario(s =>
            {
                s.Post.Json(System.Text.Json.JsonDocument.Parse(body).RootElement).ToUrl(DevTokens.Path);
                s.StatusCodeShouldBe(status);
            });
            ShouldNotBeStored(result.Context.Response.Headers);
        }
    }

    [Fact]
    public async Task other_answers_carry_the_common_headers()
    {
        ShouldHaveTheCommonHeaders(await Send(200, "GET", "/health/live"));
        ShouldHaveTheCommonHeaders(await Send(404, "GET", "/no-such-page"));
        ShouldHaveTheCommonHeaders(await Send(200, "GET", "/graphiql/graphiql.min.js"));
    }

    [Fact]
    public async Task the_graphiql_page_runs_only_its_own_scripts_and_cannot_be_framed()
    {
        var headers = await Send(200, "GET", "/graphiql", bearer: null);
        ShouldHaveTheCommonHeaders(headers);
        var policy = headers.ContentSecurityPolicy.ToString().Split(';', StringSplitOptions.TrimEntries)
            .ToDictionary(d => d.Split(' ')[0], d => d.Split(' ').Skip(1).ToArray());
        policy["default-src"].ShouldBe(["'none'"]);
        policy["script-src"][0].ShouldBe("'self'");
        policy["script-src"].Skip(1).ShouldAllBe(source => source.StartsWith("'sha256-"));
        policy["script-src"].Length.ShouldBe(2, "the page's one inline script, by its hash");
        policy["connect-src"].ShouldBe(["'self'"]);
        policy["frame-ancestors"].ShouldBe(["'none'"]);
    }
}
