namespace RehabLedger.Access;

/// <summary>
/// Access and accounting for HTTP routes other than GraphQL (the FHIR reads now, exports later): one endpoint filter
/// begins the operation before the handler runs and completes it before the result is written, so no route wires
/// or flushes the accounting by hand.
/// </summary>
public static class AccessEndpoints
{
    /// <summary>Every request to these routes is an <see cref="Operation"/> of <paramref name="surface"/>, accounted before it is answered.</summary>
    public static TBuilder WithAccessAccounting<TBuilder>(this TBuilder builder, string surface) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var access = http.RequestServices.GetRequiredService<AccessAccounting>().Begin(Operation.Of(http, surface));
            http.Features.Set(access);
            var result = await next(context);
            // The read is on record before the answer leaves; if it cannot be recorded, nothing is answered.
            await access.CompleteAsync();
            return result;
        });

    /// <summary>The operation of a request to a route <see cref="WithAccessAccounting{TBuilder}"/> covers.</summary>
    public static OperationAccess Access(this HttpContext http) =>
        http.Features.Get<OperationAccess>() ?? throw new InvalidOperationException($"The route {http.Request.Path} is not accounted for: map it with {nameof(WithAccessAccounting)}.");
}
