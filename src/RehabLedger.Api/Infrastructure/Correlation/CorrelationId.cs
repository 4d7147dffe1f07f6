using System.Diagnostics;
using Marten;

namespace RehabLedger.Infrastructure.Correlation;

/// <summary>
/// Gives every request a correlation id of the service's own: a new one for each request, never taken from the
/// caller, so no caller can make its events share an id with another request's in the permanent record. It is
/// echoed in <c>X-Correlation-Id</c>, put in the logging scope, and commands copy it into the event metadata.
/// <para>
/// A caller's own <c>X-Correlation-Id</c> (its visit or message id, say) is kept apart: when it looks like an id
/// (1 to <see cref="MaxClientLength"/> letters, digits, '-', '_', '.') it is logged, echoed in
/// <c>X-Client-Correlation-Id</c> and stored in the event metadata header <see cref="ClientHeader"/>; anything else is
/// dropped, and the request goes on.
/// </para>
/// </summary>
public sealed class CorrelationIdMiddleware(RequestDelegate next, ILogger<CorrelationIdMiddleware> logger)
{
    public const string Header = "X-Correlation-Id";
    public const string ClientResponseHeader = "X-Client-Correlation-Id";

    /// <summary>The event metadata header holding the caller's correlation id.</summary>
    public const string ClientHeader = "client-correlation-id";

    public const int MaxClientLength = 128;

    private const string ClientItem = "RehabLedger.ClientCorrelationId";

    public async Task InvokeAsync(HttpContext context)
    {
        var correlationId = Guid.CreateVersion7().ToString("N");
        var clientId = FromRequest(context);
        context.Items[Header] = correlationId;
        context.Response.Headers[Header] = correlationId;
        Activity.Current?.SetTag("correlation.id", correlationId);
        if (clientId is not null)
        {
            context.Items[ClientItem] = clientId;
            context.Response.Headers[ClientResponseHeader] = clientId;
            Activity.Current?.SetTag("correlation.client_id", clientId);
        }

        using (clientId is null
                   ? logger.BeginScope("CorrelationId:{CorrelationId}", correlationId)
                   : logger.BeginScope("CorrelationId:{CorrelationId} ClientCorrelationId:{ClientCorrelationId}", correlationId, clientId))
        {
            await next(context);
        }
    }

    /// <summary>The service's correlation id of the request.</summary>
    public static string? Of(HttpContext? context) => context?.Items[Header] as string;

    /// <summary>The caller's own correlation id, when it sent a usable one.</summary>
    public static string? ClientOf(HttpContext? context) => context?.Items[ClientItem] as string;

    /// <summary>Records the caller's correlation id, if any, in the metadata of the events the session appends.</summary>
    public static void StampClientId(IDocumentSession session, HttpContext? context)
    {
        if (ClientOf(context) is { } clientId) session.SetHeader(ClientHeader, clientId);
    }

    private static string? FromRequest(HttpContext context)
    {
        var values = context.Request.Headers[Header];
        if (values.Count != 1) return null;
        var value = values[0] ?? "";
        // An id from outside is only kept when it looks like one: it ends up in logs, headers and metadata.
        return value.Length is > 0 and <= MaxClientLength && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')
            ? value
            : null;
    }
}
