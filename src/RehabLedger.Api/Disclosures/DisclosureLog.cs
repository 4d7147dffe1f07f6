using GraphQL;
using Marten;
using RehabLedger.GraphQL.Http;
using RehabLedger.Infrastructure;
using RehabLedger.Infrastructure.Correlation;
using RehabLedger.Security;

namespace RehabLedger.Disclosures;

/// <summary>
/// Collects the accesses of one request worth accounting for and writes them before the response leaves: a read
/// that cannot be recorded is not answered (the GraphQL endpoint turns a failed write into a 500 without data).
/// Attempts without any valid identity go to the service log instead of the store, so anonymous traffic cannot
/// make the record grow.
/// </summary>
public sealed class DisclosureLog(IDocumentStore store, AccessGuard guard, TimeProvider clock, IHttpContextAccessor http, ILogger<DisclosureLog> logger)
    : IGraphQLRequestCompletion
{
    /// <summary>The stream of accesses that concern no known patient (refused operations, unknown or foreign ids).</summary>
    public static readonly Guid AccessLogStreamId = Guid.Parse("ac000000-0000-4000-8000-000000000000");

    private readonly List<DisclosureRecorded> _pending = [];

    public IReadOnlyList<DisclosureRecorded> Pending => _pending;

    /// <summary>Patient data was handed out; recorded when the caller's role is one whose reads are accounted for.</summary>
    public void Granted(string operation, DisclosureSubject subject)
    {
        if (guard.DisclosesReads && subject.PatientId is not null) Add(operation, subject, DisclosureOutcome.Granted, null);
    }

    /// <summary>The caller was refused, or answered as if the record did not exist.</summary>
    public void Denied(string operation, DisclosureSubject subject, string reason)
    {
        if (guard.Caller is null)
        {
            logger.LogWarning("Refused {Operation} to a caller without a valid identity: {Reason}", operation, reason);
            return;
        }
        Add(operation, subject, DisclosureOutcome.Denied, reason);
    }

    Task IGraphQLRequestCompletion.CompleteAsync(HttpContext context, ExecutionResult result) => FlushAsync();

    public async Task FlushAsync()
    {
        if (_pending.Count == 0) return;
        var actor = guard.Caller!.Actor;
        await using var session = store.LightweightSession();
        session.CorrelationId = CorrelationIdMiddleware.Of(http.HttpContext);
        CorrelationIdMiddleware.StampClientId(session, http.HttpContext);
        session.LastModifiedBy = actor.Id;
        session.SetHeader(ActorMetadataMiddleware.RoleHeader, actor.Role);
        session.SetHeader(ActorMetadataMiddleware.NameHeader, actor.DisplayName);
        foreach (var stream in _pending.GroupBy(d => d.PatientId ?? AccessLogStreamId))
            session.Events.Append(stream.Key, stream.ToArray());
        // Not the request's token: an access the client gave up on waiting for has still happened.
        await session.SaveChangesAsync(CancellationToken.None);
        _pending.Clear();
    }

    private void Add(string operation, DisclosureSubject subject, DisclosureOutcome outcome, string? reason)
    {
        var caller = guard.Caller!;
        if (_pending.Any(d => d.Operation == operation && d.Outcome == outcome && d.PatientId == subject.PatientId
                              && d.EpisodeId == subject.EpisodeId && d.ClinicId == subject.ClinicId)) return;
        _pending.Add(new DisclosureRecorded(Guid.CreateVersion7(), caller.Actor, caller.Clinics.Order().ToList(), caller.PayerId, operation,
            subject.ClinicId, subject.PatientId, subject.EpisodeId, outcome, reason, clock.GetUtcNow()));
    }
}
