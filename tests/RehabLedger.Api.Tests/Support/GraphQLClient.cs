using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Alba;

namespace RehabLedger.Tests.Support;

/// <summary>A GraphQL response as a client sees it: status code and parsed body.</summary>
public sealed record GraphQLResponse(HttpStatusCode Status, JsonNode Body)
{
    public JsonNode? Data => Body["data"];
    public JsonArray? Errors => Body["errors"] as JsonArray;

    /// <summary>The one error's <c>extensions.code</c>; fails when there is not exactly one error.</summary>
    public string ErrorCode => SingleError["extensions"]?["code"]?.GetValue<string>() ?? "(no code)";

    public string? ErrorField => SingleError["extensions"]?["field"]?.GetValue<string>();

    public string ErrorMessage => SingleError["message"]!.GetValue<string>();

    private JsonNode SingleError
    {
        get
        {
            Errors.ShouldNotBeNull($"expected an error, got {Body.ToJsonString()}");
            Errors.Count.ShouldBe(1, Body.ToJsonString());
            return Errors[0]!;
        }
    }

    /// <summary>The data, after asserting the request succeeded without any error.</summary>
    public JsonNode Ok()
    {
        Errors.ShouldBeNull($"unexpected errors: {Body.ToJsonString()}");
        Status.ShouldBe(HttpStatusCode.OK);
        return Data!;
    }
}

public static class GraphQLClient
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// Posts a real GraphQL-over-HTTP request through the host's whole pipeline, as a platform administrator unless
    /// the headers carry an Authorization of their own (an empty one sends none: an anonymous request).
    /// </summary>
    public static Task<GraphQLResponse> GraphQL(this IAlbaHost host, string query, object? variables = null,
        IDictionary<string, string>? headers = null) =>
        host.Post(JsonSerializer.Serialize(new { query, variables }, Json), headers);

    /// <summary>Runs one named operation of a document holding several.</summary>
    public static Task<GraphQLResponse> GraphQLOperation(this IAlbaHost host, string document, string operationName,
        IDictionary<string, string>? headers = null) =>
        host.Post(JsonSerializer.Serialize(new { query = document, operationName }, Json), headers);

    private static async Task<GraphQLResponse> Post(this IAlbaHost host, string body, IDictionary<string, string>? headers)
    {
        headers = new Dictionary<string, string>(headers ?? new Dictionary<string, string>(), StringComparer.OrdinalIgnoreCase);
        headers.TryAdd("Authorization", "Bearer " + host.Token(TestTokens.PlatformAdmin));
        var result = await host.Scenario(s =>
        {
            s.Post.Url("/graphql");
            s.ConfigureHttpContext(c =>
            {
                c.Request.ContentType = "application/json";
                c.Request.Headers.Accept = "application/graphql-response+json";
                var bytes = Encoding.UTF8.GetBytes(body);
                c.Request.Body = new MemoryStream(bytes);
                c.Request.ContentLength = bytes.Length;
            });
            foreach (var (name, value) in headers.Where(h => h.Value.Length > 0)) s.WithRequestHeader(name, value);
            s.IgnoreStatusCode();
        });
        var text = await result.ReadAsTextAsync();
        return new GraphQLResponse((HttpStatusCode)result.Context.Response.StatusCode, JsonNode.Parse(text)!);
    }
}
