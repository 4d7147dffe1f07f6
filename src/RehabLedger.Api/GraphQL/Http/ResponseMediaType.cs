using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace RehabLedger.GraphQL.Http;

// Content negotiation of the GraphQL-over-HTTP spec. ASP.NET's MediaTypeHeaderValue.IsSubsetOf is not used
// for matching because it lets "application/json" match "application/graphql-response+json", and a legacy
// client that asked for plain JSON must never receive the media type whose status codes it does not expect.
internal static class ResponseMediaType
{
    public const string GraphQLResponseJson = "application/graphql-response+json; charset=utf-8";
    public const string Json = "application/json; charset=utf-8";

    private const string GraphQLResponseJsonType = "application/graphql-response+json";
    private const string JsonType = "application/json";

    /// <summary>The media type of the response, or null when the client accepts none that is served (406).</summary>
    public static string? Negotiate(HttpRequest request)
    {
        var accept = request.Headers.Accept;

        // Since the spec's watershed (2025-01-01) a request without Accept is treated as asking for
        // application/graphql-response+json, whose status codes tell request errors from field errors.
        if (StringValues.IsNullOrEmpty(accept) || accept.All(string.IsNullOrWhiteSpace))
            return GraphQLResponseJson;

        if (!MediaTypeHeaderValue.TryParseList(accept.ToArray()!, out var ranges))
            return null;

        var graphQLResponseRefused = ranges.Any(r => IsExactly(r, GraphQLResponseJsonType) && r.Quality == 0);
        var jsonRefused = ranges.Any(r => IsExactly(r, JsonType) && r.Quality == 0);

        // Highest quality first, then the most specific range; OrderBy is stable, so header order breaks ties.
        var preferred = ranges
            .Where(r => (r.Quality ?? 1) > 0 && AcceptsUtf8(r))
            .OrderByDescending(r => r.Quality ?? 1)
            .ThenByDescending(Specificity);

        foreach (var range in preferred)
        {
            if (IsExactly(range, GraphQLResponseJsonType) && !graphQLResponseRefused)
                return GraphQLResponseJson;
            if (IsExactly(range, JsonType) && !jsonRefused)
                return Json;

            // A wildcard gets application/json (graphql-http audit 47DE): a client that names no type is most
            // likely a legacy one, and application/json is the type every GraphQL client understands.
            if (range.MatchesAllTypes || (range.MatchesAllSubTypes && range.Type.Equals("application", StringComparison.OrdinalIgnoreCase)))
            {
                if (!jsonRefused)
                    return Json;
                if (!graphQLResponseRefused)
                    return GraphQLResponseJson;
            }
        }

        return null;
    }

    private static bool IsExactly(MediaTypeHeaderValue range, string mediaType) =>
        range.MediaType.Equals(mediaType, StringComparison.OrdinalIgnoreCase);

    private static int Specificity(MediaTypeHeaderValue range) =>
        range.MatchesAllTypes ? 0 : range.MatchesAllSubTypes ? 1 : 2;

    // Responses are always UTF-8, so a range that pins another charset does not match.
    private static bool AcceptsUtf8(MediaTypeHeaderValue range)
    {
        var charset = range.Charset;
        if (charset.Length >= 2 && charset[0] == '"' && charset[charset.Length - 1] == '"')
            charset = charset.Subsegment(1, charset.Length - 2);
        return charset.Length == 0 || charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase);
    }
}
