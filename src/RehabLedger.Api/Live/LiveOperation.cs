using System.Runtime.CompilerServices;
using System.Security.Claims;
using GraphQL;
using Marten;
using RehabLedger.Access;
using RehabLedger.Audit;
using RehabLedger.Common;
using RehabLedger.GraphQL;
using RehabLedger.GraphQL.Http;
using RehabLedger.Infrastructure.Correlation;
using RehabLedger.Security;

namespace RehabLedger.Live;

/// <summary>
/// The events a subscription delivers, each one an <see cref="Operation"/> of the access layer like a query: begun with
/// the subscription's caller, decided again (the decision of the first event is not trusted for the next), accounted,
/// and completed before the event leaves. A refusal or an expired token ends the subscription with a coded error.
/// </summary>
public static class LiveOperation
{
    /// <summary>
    /// The source stream of a subscription field: <paramref name="deliver"/> decides and records each event of the feed
    /// after <c>since</c> in the event's own operation, answering the payload, or null for an event the subscription
    /// does not deliver (nothing is recorded for it).
    /// </summary>
    public static async Task<IObservable<object?>> Stream(IResolveFieldContext context,
        Func<OperationAccess, IQuerySession, LedgerEvent, CancellationToken, Task<object?>> deliver)
    {
        var services = context.RequestServices!;
        var feed = services.GetRequiredService<EventFeed>();
        var store = services.GetRequiredService<IDocumentStore>();
        var accounting = services.GetRequiredService<AccessAccounting>();
        var clock = services.GetRequiredService<TimeProvider>();
        var subscribed = context.Access().Operation;
        var expires = ExpiryOf(context.User);
        // Fixed when the subscription is accepted, before the transport answers: a write the client makes after that
        // answer is delivered even if the transport reads the stream a moment later.
        var since = context.GetArgument<long?>("since") ?? LastEventId(context) ?? await feed.StartedAsync(context.CancellationToken);

        async IAsyncEnumerable<object?> Events([EnumeratorCancellation] CancellationToken ct)
        {
            await foreach (var e in feed.Read(since, ct))
            {
                if (expires is { } at && clock.GetUtcNow() >= at)
                    throw new ClinicalRuleViolation(ErrorCodes.Unauthenticated,
                        "The token has expired: the subscription ended. Subscribe again with a new token and since set to the last sequence received.");
                var access = accounting.Begin(subscribed with { CorrelationId = Guid.CreateVersion7().ToString("N") });
                object? payload;
                await using (var session = store.QuerySession())
                    payload = await deliver(access, session, e, ct);
                await access.CompleteAsync();
                if (payload is not null) yield return payload;
            }
        }

        return new AsyncEnumerableObservable<object?>(Events);
    }

    /// <summary>The key of the event's global sequence in every message's <c>extensions</c>.</summary>
    public const string SequenceKey = "sequence";

    /// <summary>The root field's value for one event: the payload, with its sequence put into the message's extensions.</summary>
    public static object? Deliver(IResolveFieldContext context)
    {
        context.OutputExtensions[SequenceKey] = context.Source switch
        {
            EpisodeChange change => change.Sequence,
            CaseloadChange change => change.Sequence,
            LedgerEvent e => e.Sequence,
            _ => throw new InvalidOperationException($"{context.Source?.GetType().Name} is not a subscription payload."),
        };
        return context.Source;
    }

    /// <summary>
    /// The sequence an SSE client (a browser's EventSource among them) received last, sent back as <c>Last-Event-ID</c> when
    /// it reconnects: the resume point when the document gives no since. A value that is no sequence is not one we sent.
    /// </summary>
    private static long? LastEventId(IResolveFieldContext context) =>
        context.UserContext is GraphQLUserContext { HttpContext: var http }
        && long.TryParse(http.Request.Headers["Last-Event-ID"].ToString(), out var sequence) && sequence >= 0 ? sequence : null;

    /// <summary>The subscription's resume point: only a sequence the store could have given.</summary>
    public static void CheckSince(long? since) =>
        Validate.That(since is null or >= 0, "since", "since must be a global sequence received before (0 or more).");

    /// <summary>When the caller's token stops being valid, from its <c>exp</c> claim; null when it names none.</summary>
    public static DateTimeOffset? ExpiryOf(ClaimsPrincipal? user) =>
        long.TryParse(user?.FindFirst("exp")?.Value, out var seconds) ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null;

    /// <summary>Ends a subscription whose next event the caller may no longer read.</summary>
    public static ClinicalRuleViolation Revoked(string what) =>
        new(ErrorCodes.Forbidden, $"Access to {what} was withdrawn: the subscription ended.");
}
