using GraphQL;
using GraphQL.Execution;
using RehabLedger.GraphQL.Http;

namespace RehabLedger.Security.Edge;

/// <summary>
/// The stable codes of refusals made at the edge, before a request reaches its endpoint, and how they are written:
/// a GraphQL error (<c>errors[].extensions.code</c>) on the GraphQL endpoint, problem details with a <c>code</c>
/// member (<c>application/problem+json</c>) everywhere else. Clients branch on these codes: never rename one.
/// </summary>
public static class EdgeErrors
{
    /// <summary>400: in Development, a Host header that does not name this machine (see <see cref="LoopbackHostsOnly"/>).</summary>
    public const string HostNotAllowed = "HOST_NOT_ALLOWED";

    /// <summary>429: the caller used up its requests for now; <c>Retry-After</c> says when to try again.</summary>
    public const string RateLimited = "RATE_LIMITED";

    /// <summary>403: a development token was asked for by a page of another origin.</summary>
    public const string CrossOriginRefused = "CROSS_ORIGIN_REFUSED";

    /// <summary>400: the body of a development token request is not JSON, or not valid UTF-8.</summary>
    public const string InvalidJson = GraphQLHttpErrorCodes.InvalidJson;

    /// <summary>400: the body is JSON of the wrong shape, or holds text that is not accepted.</summary>
    public const string BadRequest = GraphQLHttpErrorCodes.BadRequest;

    /// <summary>413: the body is larger than the endpoint accepts.</summary>
    public const string PayloadTooLarge = GraphQLHttpErrorCodes.PayloadTooLarge;

    /// <summary>415: the body is not declared as <c>application/json</c>.</summary>
    public const string UnsupportedMediaType = GraphQLHttpErrorCodes.UnsupportedMediaType;

    public static Task WriteAsync(HttpContext context, int status, string code, string message)
    {
        context.Response.StatusCode = status;
        if (!IsGraphQL(context.Request))
            return Results.Problem(message, statusCode: status, extensions: new Dictionary<string, object?> { ["code"] = code })
                .ExecuteAsync(context);

        context.Response.ContentType = ResponseMediaType.Negotiate(context.Request) ?? ResponseMediaType.Json;
        var result = new ExecutionResult { Errors = [new GraphQLHttpError(status, code, message)] };
        return context.RequestServices.GetRequiredService<IGraphQLTextSerializer>()
            .WriteAsync(context.Response.Body, result, context.RequestAborted);
    }

    private static bool IsGraphQL(HttpRequest request) =>
        string.Equals(request.Path.Value?.TrimEnd('/'), "/graphql", StringComparison.OrdinalIgnoreCase);
}
