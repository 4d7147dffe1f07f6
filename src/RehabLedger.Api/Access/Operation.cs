using RehabLedger.Infrastructure.Correlation;
using RehabLedger.Security;

namespace RehabLedger.Access;

/// <summary>
/// One operation a surface serves: a GraphQL request, a FHIR read, and later a subscription event or an export. The
/// surface creates it once, before anything is read, and everything the operation decides and accounts for takes the
/// caller and the correlation ids from here, never from the transport.
/// </summary>
/// <param name="Caller">Null when the operation carries no valid identity.</param>
/// <param name="CorrelationId">The service's own id of the operation: in the access records and in the events its commands append.</param>
/// <param name="ClientCorrelationId">The caller's own correlation id, when it sent a usable one (see <see cref="CorrelationIdMiddleware"/>).</param>
/// <param name="Surface">Which surface served it (<see cref="Surfaces"/>), for the service log.</param>
public sealed record Operation(Caller? Caller, string CorrelationId, string? ClientCorrelationId, string Surface)
{
    /// <summary>The operation an HTTP request carries: its authenticated caller and the ids the correlation middleware gave it.</summary>
    public static Operation Of(HttpContext http, string surface) =>
        new(Caller.From(http.User, out _), CorrelationIdMiddleware.Of(http) ?? Guid.CreateVersion7().ToString("N"),
            CorrelationIdMiddleware.ClientOf(http), surface);
}

/// <summary>The surfaces that serve operations.</summary>
public static class Surfaces
{
    public const string GraphQL = "graphql";
    public const string Fhir = "fhir";
    public const string Downloads = "downloads";
}
