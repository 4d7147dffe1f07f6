namespace RehabLedger.Security.Edge;

/// <summary>
/// Headers every response carries, errors included (they are added as the response starts, whoever writes it):
/// <list type="bullet">
/// <item><c>X-Content-Type-Options: nosniff</c>: a browser takes each answer for the type it is declared as.</item>
/// <item><c>Referrer-Policy: no-referrer</c>: links out of GraphiQL do not carry the service's addresses.</item>
/// <item><c>X-Frame-Options: DENY</c>, and unless the endpoint set its own (GraphiQL does),
/// <c>Content-Security-Policy: default-src 'none'; frame-ancestors 'none'</c>: no answer may be framed, and none runs
/// anything if a browser opens it as a page.</item>
/// <item>The web app's page sets <see cref="AppContentSecurityPolicy"/>: its own scripts, styles and requests only.</item>
/// <item><c>Cache-Control: no-store</c> on the paths that answer patient data or tokens
/// (<see cref="NoStorePaths"/>): no browser, proxy or shared cache keeps a copy.</item>
/// </list>
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next)
{
    public const string DefaultContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";

    /// <summary>
    /// The web app's page (<c>/app</c>): scripts, styles and requests from this service only, no inline script or style
    /// element, no plugin, no form posted elsewhere, no framing. Charts draw on canvas, so images need nothing more;
    /// <c>blob:</c> is not needed either: a download is a link the page builds, not a fetch.
    /// </summary>
    public const string AppContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; " +
        "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    /// <summary>Paths whose answers hold patient data or tokens.</summary>
    public static readonly string[] NoStorePaths = ["/graphql", "/fhir", DevTokens.Path];

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            headers.XFrameOptions = "DENY";
            if (!headers.ContainsKey("Content-Security-Policy")) headers.ContentSecurityPolicy = DefaultContentSecurityPolicy;
            if (IsNoStore(context.Request.Path))
            {
                headers.CacheControl = "no-store";
                headers.Pragma = "no-cache";
            }

            return Task.CompletedTask;
        });
        return next(context);
    }

    public static bool IsNoStore(PathString path) =>
        NoStorePaths.Any(p => path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase));
}
