namespace RehabLedger.Security.Edge;

/// <summary>What every request meets before its endpoint: see <see cref="SecurityHeaders"/>, <see cref="LoopbackHostsOnly"/> and <see cref="RateLimits"/>.</summary>
public static class EdgeSetup
{
    public static WebApplicationBuilder AddRehabLedgerEdge(this WebApplicationBuilder builder)
    {
        builder.Services.AddRehabLedgerRateLimits(builder.Configuration);
        return builder;
    }

    /// <summary>The response headers, and in Development the loopback-only host check. Goes first, so every answer has them.</summary>
    public static IApplicationBuilder UseRehabLedgerEdge(this WebApplication app)
    {
        app.UseMiddleware<SecurityHeaders>();
        if (app.Environment.IsDevelopment()) app.UseMiddleware<LoopbackHostsOnly>();
        return app;
    }

    /// <summary>The per-caller rate limit. Goes after <c>UseAuthentication</c>, which it needs to tell callers apart.</summary>
    public static IApplicationBuilder UseRehabLedgerRateLimits(this IApplicationBuilder app) => app.UseRateLimiter();
}
