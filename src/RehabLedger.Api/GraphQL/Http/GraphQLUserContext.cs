using Microsoft.AspNetCore.Http;

namespace RehabLedger.GraphQL.Http;

/// <summary>
/// The <c>UserContext</c> of every operation executed by the HTTP endpoint. It stays a dictionary because
/// GraphQL.NET and its extensions keep per-request state in the user context by key.
/// </summary>
public sealed class GraphQLUserContext : Dictionary<string, object?>
{
    /// <summary>Creates the context of one HTTP request.</summary>
    public GraphQLUserContext(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        HttpContext = httpContext;
    }

    /// <summary>The HTTP request that carried the operation, for resolvers that need its headers or connection.</summary>
    public HttpContext HttpContext { get; }
}
