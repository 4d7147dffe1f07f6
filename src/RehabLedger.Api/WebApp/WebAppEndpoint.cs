using RehabLedger.Security.Edge;

namespace RehabLedger.WebApp;

/// <summary>
/// Maps the RehabLedger web app: one page, <c>wwwroot/app/index.html</c>, whose modules, stylesheet and vendored
/// libraries are static files under <c>/app/</c>. The page talks to the service through <c>/graphql</c> only (and,
/// in Development, <c>/dev/tokens</c> to sign in as a demo user), so it works with no internet access.
/// </summary>
public static class WebAppEndpoint
{
    public const string Path = "/app";
    private const string PagePath = "app/index.html";

    // The page reads this attribute to decide whether to offer the demo users (only Development mints their tokens).
    private const string DevTokensMarker = "data-dev-tokens=\"\"";

    public static WebApplication MapWebApp(this WebApplication app)
    {
        var webRoot = app.Environment.WebRootFileProvider;
        var devTokens = app.Environment.IsDevelopment();

        app.MapGet(Path, async context =>
        {
            var page = webRoot.GetFileInfo(PagePath);
            if (!page.Exists)
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            await using var stream = page.CreateReadStream();
            var html = await new StreamReader(stream).ReadToEndAsync(context.RequestAborted);
            context.Response.ContentType = "text/html; charset=utf-8";
            // Revalidated on every visit so that a new version of the app is picked up without a hard reload.
            context.Response.Headers.CacheControl = "no-cache";
            context.Response.Headers.ContentSecurityPolicy = SecurityHeaders.AppContentSecurityPolicy;
            await context.Response.WriteAsync(
                html.Replace(DevTokensMarker, $"data-dev-tokens=\"{(devTokens ? "true" : "false")}\"", StringComparison.Ordinal),
                context.RequestAborted);
        }).AllowAnonymous().WithDisplayName("Web app");
        return app;
    }
}
