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

    /// <summary>
    /// GraphQL over SSE and over WebSocket at <c>/graphql/stream</c> (a WebSocket upgrade goes to the second); under
    /// <c>/graphql</c>, so the same rate limits and cache rules apply.
    /// </summary>
    public static IEndpointConventionBuilder MapGraphQLStreams(this IEndpointRouteBuilder app)
    {
        var options = app.ServiceProvider.GetRequiredService<IOptions<GraphQLHttpOptions>>().Value;
        var live = app.ServiceProvider.GetRequiredService<LiveOptions>();
        var sse = new GraphQLSseHandler(options);
        var ws = new GraphQLWebSocketHandler(new GraphQLHttpOptionsView(options.RequestTimeout, live.ConnectionInitTimeout));
        return app.Map("/graphql/stream", context => context.WebSockets.IsWebSocketRequest ? ws.HandleAsync(context) : sse.HandleAsync(context))
            .WithDisplayName("GraphQL over SSE and WebSocket");
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
