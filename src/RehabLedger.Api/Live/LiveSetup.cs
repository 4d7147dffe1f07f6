using GraphQL.Types;
using Microsoft.Extensions.Options;
using RehabLedger.GraphQL.Http;
using RehabLedger.Live.Transport;

namespace RehabLedger.Live;

public static class LiveSetup
{
    /// <summary>The node's one event feed, polled in the background, and its options (section <c>Live</c>).</summary>
    public static IServiceCollection AddRehabLedgerLive(this IServiceCollection services, IConfiguration configuration)
    {
        var options = new LiveOptions();
        configuration.GetSection("Live").Bind(options);
        if (options.PollInterval <= TimeSpan.Zero) throw new InvalidOperationException("Live:PollInterval must be positive.");
        if (options.Backlog < 1) throw new InvalidOperationException("Live:Backlog must be at least 1.");
        services.AddSingleton(options);
        services.AddSingleton<EventFeed>();
        services.AddHostedService(s => s.GetRequiredService<EventFeed>());
        return services;
    }

    /// <summary>GraphQL over SSE at <c>/graphql/stream</c>; under <c>/graphql</c>, so the same rate limits and cache rules apply.</summary>
    public static IEndpointConventionBuilder MapGraphQLStreams(this IEndpointRouteBuilder app)
    {
        var options = app.ServiceProvider.GetRequiredService<IOptions<GraphQLHttpOptions>>().Value;
        var sse = new GraphQLSseHandler(options);
        return app.Map("/graphql/stream", (RequestDelegate)sse.HandleAsync).WithDisplayName("GraphQL over SSE");
    }
}

public sealed class RehabLedgerSubscription : ObjectGraphType
{
    public RehabLedgerSubscription()
    {
        Name = "Subscription";
        this.AddLiveSubscriptions();
    }
}
