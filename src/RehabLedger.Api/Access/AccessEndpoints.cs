using RehabLedger.Infrastructure.Postgres;

namespace RehabLedger.Access;

/// <summary>
/// Access and accounting for HTTP routes other than GraphQL (the FHIR reads now, exports later): one endpoint filter
/// begins the operation before the handler runs and completes it before the result is written, so no route wires
/// or flushes the accounting by hand.
/// </summary>
public static class AccessEndpoints
{
    /// <summary>
    /// Every request to these routes is an <see cref="Operation"/> of <paramref name="surface"/>, accounted before it is
    /// answered. When its accesses cannot be recorded, the handler's result is dropped and <paramref name="unrecorded"/>
    /// (the surface's own form of a 500) is answered instead; a database outage is left to
    /// <see cref="DatabaseOutageMiddleware"/>, which answers 503 as for any other outage.
    /// </summary>
    public static TBuilder WithAccessAccounting<TBuilder>(this TBuilder builder, string surface, Func<IResult> unrecorded)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var access = http.RequestServices.GetRequiredService<AccessAccounting>().Begin(Operation.Of(http, surface));
            http.Features.Set(access);
            var result = await next(context);
            try
            {
                await access.CompleteAsync();
            }
            catch (Exception e) when (!DatabaseOutage.IsUnavailable(e))
            {
                http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(AccessEndpoints))
                    .LogError(e, "A {Surface} request executed but its accesses could not be recorded; its answer was withheld", surface);
                return unrecorded();
            }
            return result;
        });

    /// <summary>The operation of a request to a route <see cref="WithAccessAccounting{TBuilder}"/> covers.</summary>
    public static OperationAccess Access(this HttpContext http) =>
        http.Features.Get<OperationAccess>() ?? throw new InvalidOperationException($"The route {http.Request.Path} is not accounted for: map it with {nameof(WithAccessAccounting)}.");
}
