using Alba;
using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using RehabLedger.GraphQL;
using RehabLedger.GraphQL.Http;
using RehabLedger.Security;
using RehabLedger.Security.Edge;

namespace RehabLedger.Tests.Support;

/// <summary>
/// The service's authentication and GraphQL set-up in a host of its own, for what the shared test host cannot show:
/// another environment (Production, Development) or other limits. It has no database: the store is configured but
/// never reached, so only requests that need none (the outcome measure catalog, introspection, tokens) are sent.
/// </summary>
public static class BareHost
{
    public static readonly string SigningKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    public static Task<IAlbaHost> Start(string environment, IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null, Action<WebApplication>? endpoints = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = environment });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Auth:Issuer"] = TestTokens.Issuer,
            ["Auth:Audience"] = TestTokens.Audience,
            ["Auth:SigningKey"] = SigningKey,
        });
        if (settings is not null) builder.Configuration.AddInMemoryCollection(settings);
        builder.AddRehabLedgerAuth();
        builder.AddRehabLedgerGraphQL();
        builder.AddRehabLedgerEdge();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddMarten("Host=unused.invalid;Database=none");
        services?.Invoke(builder.Services);

        return AlbaHost.For(builder, app =>
        {
            app.UseRehabLedgerEdge();
            app.UseAuthentication();
            app.UseRehabLedgerRateLimits();
            app.UseAuthorization();
            app.MapGraphQLHttp<RehabLedgerSchema>();
            app.MapDevTokens();
            endpoints?.Invoke(app);
        });
    }
}
