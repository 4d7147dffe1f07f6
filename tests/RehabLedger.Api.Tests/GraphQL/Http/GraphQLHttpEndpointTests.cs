using System.Net;
using System.Text;
using System.Text.Json;
using Alba;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RehabLedger.GraphQL.Http;
using RehabLedger.Tests.Support;

namespace RehabLedger.Tests.GraphQL.Http;

/// <summary>
/// The GraphQL-over-HTTP transport of the real app: methods, media types, status codes and error shapes.
/// Only reads and refused requests, so no test depends on, or changes, stored data.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class GraphQLHttpEndpointTests(AppFixture fixture)
{
    private const string GraphQLResponseJson = "application/graphql-response+json; charset=utf-8";
    private const string Json = "application/json; charset=utf-8";
    private const string Query = "{ outcomeMeasures { code name } }";
    private const string UnknownField = "{ outcomeMeasures { noSuchField } }";
    private const string CoercionFailure = """{"query":"query($skip: Boolean!) { outcomeMeasures @skip(if: $skip) { code } }","variables":{"skip":{}}}""";

    private readonly IAlbaHost _host = fixture.Host;

    [Fact]
    public async Task post_without_accept_answers_graphql_response_json()
    {
        var response = await PostAsync(Body(Query));

        response.Status.ShouldBe(HttpStatusCode.OK);
        response.ContentType.ShouldBe(GraphQLResponseJson);
        response.Body.GetProperty("data").GetProperty("outcomeMeasures").ValueKind.ShouldBe(JsonValueKind.Array);
    }

    [Theory]
    [InlineData("application/graphql-response+json", GraphQLResponseJson)]
    [InlineData("application/json", Json)]
    [InlineData("*/*", Json)]
    [InlineData("application/graphql-response+json, application/json;q=0.9", GraphQLResponseJson)]
    [InlineData("application/graphql-response+json;q=0.5, application/json", Json)]
    public async Task response_media_type_follows_the_accept_header(string accept, string expected)
    {
        var response = await PostAsync(Body(Query), accept: accept);

        response.Status.ShouldBe(HttpStatusCode.OK);
        response.ContentType.ShouldBe(expected);
    }

    [Theory]
    [InlineData("text/html")]
    [InlineData("application/json;q=0")]
    public async Task an_unacceptable_accept_header_is_answered_406(string accept)
    {
        var response = await PostAsync(Body(Query), accept: accept);

        response.Status.ShouldBe(HttpStatusCode.NotAcceptable);
        response.ErrorCode().ShouldBe(GraphQLHttpErrorCodes.NotAcceptable);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData(null)]
    public async Task a_post_that_is_not_json_is_answered_415(string? contentType)
    {
        var response = await PostAsync(Body(Query), contentType);

        response.Status.ShouldBe(HttpStatusCode.UnsupportedMediaType);
        response.ErrorCode().ShouldBe(GraphQLHttpErrorCodes.UnsupportedMediaType);
    }

    [Fact]
    public async Task a_body_over_the_configured_limit_is_answered_413()
    {
        var limit = _host.Services.GetRequiredService<IOptions<GraphQLHttpOptions>>().Value.MaxRequestBodySize;
        var prefix = Body(Query)[..^1];

        var response = await PostAsync(prefix + new string(' ', (int)limit) + "}");

        response.Status.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        response.ErrorCode().ShouldBe(GraphQLHttpErrorCodes.PayloadTooLarge);
    }

    [Theory]
    [InlineData("application/graphql-response+json")]
    [InlineData("application/json")]
    public async Task unparsable_json_is_answered_400_whatever_the_media_type(string accept)
    {
        var response = await PostAsync("""{"query": """, accept: accept);

        response.Status.ShouldBe(HttpStatusCode.BadRequest);
        response.ErrorCode().ShouldBe(GraphQLHttpErrorCodes.InvalidJson);
        response.Body.TryGetProperty("data", out _).ShouldBeFalse();
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"query": 5}""")]
    [InlineData("""{"query": "{ __typename }", "variables": []}""")]
    [InlineData("""{"query": "{ __typename }", "operationName": 5}""")]
    public async Task a_malformed_request_is_answered_400_whatever_the_media_type(string body)
    {
        foreach (var accept in new[] { "application/graphql-response+json", "application/json" })
        {
            var response = await PostAsync(body, accept: accept);

            response.Status.ShouldBe(HttpStatusCode.BadRequest, $"{body} as {accept}");
            response.ErrorCode().ShouldBe(GraphQLHttpErrorCodes.BadRequest, $"{body} as {accept}");
        }
    }

    [Fact]
    public async Task a_validation_error_is_400_with_graphql_response_json()
    {
        var response = await PostAsync(Body(UnknownField), accept: "application/graphql-response+json");

        response.Status.ShouldBe(HttpStatusCode.BadRequest);
        response.ContentType.ShouldBe(GraphQLResponseJson);
        response.ErrorCode().ShouldBe("FIELDS_ON_CORRECT_TYPE");
        response.Body.TryGetProperty("data", out _).ShouldBeFalse();
    }

    [Fact]
    public async Task a_validation_error_is_200_with_application_json()
    {
        var response = await PostAsync(Body(UnknownField), accept: "application/json");

        response.Status.ShouldBe(HttpStatusCode.OK);
        response.ContentType.ShouldBe(Json);
        response.ErrorCode().ShouldBe("FIELDS_ON_CORRECT_TYPE");
        response.Body.TryGetProperty("data", out _).ShouldBeFalse();
    }

    [Theory]
    [InlineData("application/graphql-response+json", HttpStatusCode.BadRequest)]
    [InlineData("application/json", HttpStatusCode.OK)]
    public async Task a_variable_coercion_failure_is_a_request_error(string accept, HttpStatusCode expected)
    {
        var response = await PostAsync(CoercionFailure, accept: accept);

        response.Status.ShouldBe(expected);
        response.ErrorCode().ShouldBe("INVALID_VALUE");
        response.Body.TryGetProperty("data", out _).ShouldBeFalse();
    }

    [Fact]
    public async Task a_syntax_error_keeps_the_graphql_code()
    {
        var response = await PostAsync(Body("{ outcomeMeasures {"));

        response.Status.ShouldBe(HttpStatusCode.BadRequest);
        response.ErrorCode().ShouldBe("SYNTAX_ERROR");
    }

    [Fact]
    public async Task a_mutation_over_post_is_executed()
    {
        var response = await PostAsync(Body("mutation { __typename }"));

        response.Status.ShouldBe(HttpStatusCode.OK);
        response.Body.GetProperty("data").GetProperty("__typename").GetString().ShouldBe("Mutation");
    }

    [Fact]
    public async Task get_executes_a_query()
    {
        var response = await GetAsync("?query=" + Uri.EscapeDataString(Query));

        response.Status.ShouldBe(HttpStatusCode.OK);
        response.ContentType.ShouldBe(GraphQLResponseJson);
        response.Body.GetProperty("data").GetProperty("outcomeMeasures").ValueKind.ShouldBe(JsonValueKind.Array);
    }

    [Fact]
    public async Task get_reads_variables_and_operation_name_from_the_query_string()
    {
        var query = "query Other { __typename } query Measures($skip: Boolean!) { outcomeMeasures @skip(if: $skip) { code } }";

        var response = await GetAsync(
            "?query=" + Uri.EscapeDataString(query)
            + "&operationName=Measures"
            + "&variables=" + Uri.EscapeDataString("""{"skip":true}"""),
            accept: "application/json");

        response.Status.ShouldBe(HttpStatusCode.OK);
        response.ContentType.ShouldBe(Json);
        var data = response.Body.GetProperty("data");
        data.TryGetProperty("outcomeMeasures", out _).ShouldBeFalse();
        data.TryGetProperty("__typename", out _).ShouldBeFalse();
    }

    [Fact]
    public async Task a_mutation_over_get_is_refused_with_405_allowing_post()
    {
        var response = await GetAsync("?query=" + Uri.EscapeDataString("mutation { __typename }"));

        response.Status.ShouldBe(HttpStatusCode.MethodNotAllowed);
        response.Allow.ShouldBe("POST");
        response.ErrorCode().ShouldBe(GraphQLHttpErrorCodes.MethodNotAllowed);
        response.Body.TryGetProperty("data", out _).ShouldBeFalse();
    }

    [Theory]
    [InlineData("?query=%7B%20__typename%20%7D&variables=%7Bnot%20json", "INVALID_JSON")]
    [InlineData("?query=%7B%20__typename%20%7D&variables=%5B%5D", "BAD_REQUEST")]
    [InlineData("?operationName=A", "BAD_REQUEST")]
    public async Task a_malformed_get_is_answered_400(string queryString, string code)
    {
        var response = await GetAsync(queryString);

        response.Status.ShouldBe(HttpStatusCode.BadRequest);
        response.ErrorCode().ShouldBe(code);
    }

    [Theory]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    public async Task other_methods_are_answered_405_allowing_get_and_post(string method)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), "/graphql")
        {
            Content = new StringContent(Body(Query), Encoding.UTF8, "application/json"),
        };

        var response = await SendAsync(request);

        response.Status.ShouldBe(HttpStatusCode.MethodNotAllowed);
        response.Allow.ShouldBe("GET, POST");
        response.ErrorCode().ShouldBe(GraphQLHttpErrorCodes.MethodNotAllowed);
    }

    [Fact]
    public async Task graphiql_is_served_as_html_that_loads_its_assets_from_the_service()
    {
        var result = await _host.Scenario(s =>
        {
            s.Get.Url("/graphiql");
            s.StatusCodeShouldBeOk();
            s.ContentTypeShouldBe("text/html; charset=utf-8");
        });

        var html = await result.ReadAsTextAsync();
        html.ShouldContain("src=\"/graphiql/graphiql.min.js\"");
        html.ShouldContain("url: '/graphql'");
        html.ShouldNotContain("//", Case.Sensitive, "the page must not load anything from another host");
    }

    [Theory]
    [InlineData("/graphiql/graphiql.min.js")]
    [InlineData("/graphiql/graphiql.min.css")]
    [InlineData("/graphiql/react.production.min.js")]
    [InlineData("/graphiql/react-dom.production.min.js")]
    public async Task graphiql_assets_are_served_by_the_service(string url)
    {
        await _host.Scenario(s =>
        {
            s.Get.Url(url);
            s.StatusCodeShouldBeOk();
        });
    }

    private static string Body(string query) => $$"""{"query":{{JsonSerializer.Serialize(query)}}}""";

    private Task<HttpResult> PostAsync(string body, string? contentType = "application/json", string? accept = null)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        if (contentType is not null)
            content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = content };
        if (accept is not null)
            request.Headers.TryAddWithoutValidation("Accept", accept);
        return SendAsync(request);
    }

    private Task<HttpResult> GetAsync(string queryString, string? accept = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/graphql" + queryString);
        if (accept is not null)
            request.Headers.TryAddWithoutValidation("Accept", accept);
        return SendAsync(request);
    }

    // A plain HttpClient on the test server, so that headers (or their absence) are exactly what each test says.
    private async Task<HttpResult> SendAsync(HttpRequestMessage request)
    {
        using (request)
        {
            using var client = _host.Server.CreateClient();
            using var response = await client.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            return new HttpResult(
                response.StatusCode,
                response.Content.Headers.ContentType?.ToString(),
                string.Join(", ", response.Content.Headers.Allow),
                JsonDocument.Parse(text).RootElement.Clone());
        }
    }

    private sealed record HttpResult(HttpStatusCode Status, string? ContentType, string Allow, JsonElement Body)
    {
        public string? ErrorCode() =>
            Body.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString();
    }
}
