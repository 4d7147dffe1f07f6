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
/// <remarks>
/// The accesses of a request are appended as a stream of their own, started under a new id. A read therefore never
/// appends to a stream anything else appends to: not the patient's (whose version consent commands expect), not a
/// shared log's. No two requests' accounting can conflict or wait on each other, whatever the load.
/// </remarks>
public sealed class DisclosureLog(IDocumentStore store, AccessGuard guard, TimeProvider clock, IHttpContextAccessor http, ILogger<DisclosureLog> logger)
    : IGraphQLRequestCompletion
{
    /// <summary>
    /// The stream earlier versions appended accesses concerning no known patient to. Nothing is written to it any
    /// more, but its events remain (the access log still shows them), so no other stream may take its id.
    /// </summary>
    public static readonly Guid AccessLogStreamId = Guid.Parse("ac000000-0000-4000-8000-000000000000");

    /// <summary>
    /// The reason the caller's side is given for an id answered as if it did not exist: the same words whether nothing
    /// has the id or a record out of the caller's reach does.
    /// </summary>
    public const string OutOfReach = "Nothing within the caller's reach has this id.";

    private readonly List<DisclosureRecorded> _pending = [];

    public IReadOnlyList<DisclosureRecorded> Pending => _pending;

    /// <summary>Patient data was handed out; recorded when the caller's role is one whose reads are accounted for.</summary>
    public void Granted(string operation, DisclosureSubject subject)
    {
        if (guard.DisclosesReads && subject.PatientId is not null) Add(operation, null, subject, DisclosureOutcome.Granted, null);
    }

    /// <summary>The caller was refused something they named no record for (an operation, a payer).</summary>
    public void Denied(string operation, DisclosureSubject subject, string reason) => Refuse(operation, null, subject, reason);

    /// <summary>
    /// The caller named <paramref name="requestedId"/> and is refused without learning whether anything has it (answered
    /// as an unknown id, or refused whether or not it exists). <paramref name="found"/> is
    /// the record out of their reach that has it, or null when none does. Either way one record is written, at the same
    /// cost, and the caller's own clinic's auditors see the same thing (the id sent, <see cref="OutOfReach"/>); only the
    /// clinic whose record it is learns it was tried (see <see cref="AccessRecordProjection"/>).
    /// </summary>
    public void Unreachable(string operation, Guid requestedId, DisclosureSubject? found, string reason) =>
        Refuse(operation, requestedId, found ?? DisclosureSubject.Unknown, found is null ? OutOfReach : reason);

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
        session.Events.StartStream(Guid.CreateVersion7(), _pending.ToArray());
        // Not the request's token: an access the client gave up on waiting for has still happened.
        await session.SaveChangesAsync(CancellationToken.None);
        _pending.Clear();
    }

    private void Refuse(string operation, Guid? requestedId, DisclosureSubject subject, string reason)
    {
        if (guard.Caller is null)
        {
            logger.LogWarning("Refused {Operation} to a caller without a valid identity: {Reason}", operation, reason);
            return;
        }
        Add(operation, requestedId, subject, DisclosureOutcome.Denied, reason);
    }

    private void Add(string operation, Guid? requestedId, DisclosureSubject subject, DisclosureOutcome outcome, string? reason)
    {
        var caller = guard.Caller!;
        if (_pending.Any(d => d.Operation == operation && d.Outcome == outcome && d.RequestedId == requestedId && d.PatientId == subject.PatientId
                              && d.EpisodeId == subject.EpisodeId && d.ClinicId == subject.ClinicId)) return;
        _pending.Add(new DisclosureRecorded(Guid.CreateVersion7(), caller.Actor, caller.Clinics.Order().ToList(), caller.PayerId, operation,
            requestedId, subject.ClinicId, subject.PatientId, subject.EpisodeId, outcome, reason, clock.GetUtcNow()));
    }
}
