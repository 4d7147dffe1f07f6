using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace RehabLedger.GraphQL.Http;

/// <summary>Maps the GraphiQL IDE page.</summary>
public static class GraphiQLEndpoint
{
    private const string PagePath = "graphiql/index.html";

    /// <summary>
    /// Serves <c>wwwroot/graphiql/index.html</c> at <paramref name="pattern"/>. The page loads GraphiQL, React and
    /// their stylesheet from <c>/graphiql/</c> on this service and posts to <c>/graphql</c>, so it works with no
    /// internet access; those assets are served by <c>app.UseStaticFiles()</c>, which the application must add.
    /// </summary>
    public static IEndpointConventionBuilder MapGraphiQL(this IEndpointRouteBuilder app, string pattern = "/graphiql")
    {
        ArgumentNullException.ThrowIfNull(app);
        var webRoot = app.ServiceProvider.GetRequiredService<IWebHostEnvironment>().WebRootFileProvider;

        return app.MapGet(pattern, async context =>
        {
            var page = webRoot.GetFileInfo(PagePath);
            if (!page.Exists)
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            context.Response.ContentType = "text/html; charset=utf-8";

            // Revalidated on every visit so that an upgraded GraphiQL is picked up without a hard reload.
            context.Response.Headers.CacheControl = "no-cache";
            await using var stream = page.CreateReadStream();
            var html = await new StreamReader(stream).ReadToEndAsync(context.RequestAborted);
            context.Response.Headers.ContentSecurityPolicy = GraphiQLContentSecurity.PolicyFor(html);
            await context.Response.WriteAsync(html, context.RequestAborted);
        }).WithDisplayName("GraphiQL");
    }
}
