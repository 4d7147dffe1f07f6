using GraphQL.Types;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace RehabLedger.GraphQL.Http;

/// <summary>Maps the GraphQL-over-HTTP endpoint.</summary>
public static class GraphQLHttpEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Serves <typeparamref name="TSchema"/> at <paramref name="pattern"/> following the GraphQL-over-HTTP spec:
    /// queries by GET or POST, mutations by POST only, JSON request bodies, responses as
    /// <c>application/graphql-response+json</c> or <c>application/json</c> as the Accept header asks.
    /// Execution goes through <see cref="global::GraphQL.IDocumentExecuter{TSchema}"/> and the registered
    /// <see cref="global::GraphQL.IGraphQLTextSerializer"/>, so everything configured with
    /// <c>services.AddGraphQL(...)</c> applies. The body limit comes from <see cref="GraphQLHttpOptions"/>.
    /// </summary>
    public static IEndpointConventionBuilder MapGraphQLHttp<TSchema>(this IEndpointRouteBuilder app, string pattern = "/graphql")
        where TSchema : ISchema
    {
        ArgumentNullException.ThrowIfNull(app);
        var options = app.ServiceProvider.GetRequiredService<IOptions<GraphQLHttpOptions>>().Value;
        var handler = new GraphQLHttpHandler<TSchema>(options);

        // One endpoint for every method, so that a PUT or DELETE gets a GraphQL-shaped 405 with an Allow
        // header instead of the router's bare 405.
        return app.Map(pattern, (RequestDelegate)handler.HandleAsync)
            .WithDisplayName($"GraphQL HTTP {typeof(TSchema).Name}");
    }
}
