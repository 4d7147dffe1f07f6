using Microsoft.AspNetCore.Http;
using RehabLedger.Access;

namespace RehabLedger.GraphQL.Http;

/// <summary>
/// The <c>UserContext</c> of every operation executed by the HTTP endpoint. It stays a dictionary because
/// GraphQL.NET and its extensions keep per-request state in the user context by key.
/// </summary>
public sealed class GraphQLUserContext : Dictionary<string, object?>
{
    /// <summary>Creates the context of one HTTP request.</summary>
    public GraphQLUserContext(HttpContext httpContext, OperationAccess access)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        ArgumentNullException.ThrowIfNull(access);
        HttpContext = httpContext;
        Access = access;
    }

    /// <summary>The HTTP request that carried the operation, for resolvers that need its headers or connection.</summary>
    public HttpContext HttpContext { get; }

    /// <summary>The operation's access and accounting, which the endpoint completes before the answer is written.</summary>
    public OperationAccess Access { get; }
}
