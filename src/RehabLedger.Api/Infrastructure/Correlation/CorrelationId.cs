using System.Diagnostics;

namespace RehabLedger.Infrastructure.Correlation;

/// <summary>
/// Gives every request a correlation id (the caller's <c>X-Correlation-Id</c>, else the trace id),
/// echoes it back, and puts it in the logging scope so every log line of the request carries it.
/// Commands copy it into the event metadata.
/// </summary>
public sealed class CorrelationIdMiddleware(RequestDelegate next, ILogger<CorrelationIdMiddleware> logger)
{
    public const string Header = "X-Correlation-Id";
    private const int MaxLength = 128;

    public async Task InvokeAsync(HttpContext context)
    {
        var correlationId = FromRequest(context) ?? Activity.Current?.TraceId.ToString() ?? Guid.NewGuid().ToString("N");
        context.Items[Header] = correlationId;
        context.Response.Headers[Header] = correlationId;
        Activity.Current?.SetTag("correlation.id", correlationId);

        using (logger.BeginScope("CorrelationId:{CorrelationId}", correlationId))
        {
            await next(context);
        }
    }

    public static string? Of(HttpContext? context) => context?.Items[Header] as string;

    private static string? FromRequest(HttpContext context)
    {
        var value = context.Request.Headers[Header].ToString();
        // An id from outside is only trusted when it looks like one: it ends up in logs and metadata.
        return value.Length is > 0 and <= MaxLength && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')
            ? value
            : null;
    }
}
