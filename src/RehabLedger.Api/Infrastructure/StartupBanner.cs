using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace RehabLedger.Infrastructure;

public static class StartupBanner
{
    /// <summary>Tells a newcomer where to point a browser or GraphQL client once the service listens.</summary>
    public static WebApplication AnnounceEndpoints(this WebApplication app)
    {
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            foreach (var address in addresses)
            {
                var root = address.Replace("://[::]", "://localhost").Replace("://0.0.0.0", "://localhost").Replace("://+", "://localhost").TrimEnd('/');
                app.Logger.LogInformation("RehabLedger is ready. GraphQL endpoint: {GraphQL}  GraphiQL IDE: {GraphiQL}  Web app: {WebApp}",
                    $"{root}/graphql", $"{root}/graphiql", $"{root}/app");
            }
        });
        return app;
    }
}
