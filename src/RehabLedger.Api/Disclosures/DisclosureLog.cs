using RehabLedger.Access;

namespace RehabLedger.Disclosures;

/// <summary>
/// Collects the accesses of one <see cref="Operation"/> worth accounting for: every read of patient data, by any role,
/// and every refusal. They are written in one append when the operation completes, before its answer leaves (see
/// <see cref="OperationAccess.CompleteAsync"/>): a read that cannot be recorded is not answered. Attempts without any
/// valid identity go to the service log instead of the store, so anonymous traffic cannot make the record grow.
/// </summary>
/// <remarks>
/// The caller and the correlation ids come from the operation, not from a transport, so every surface accounts the
/// same way. The records are deduplicated per operation, subject and outcome: a page of fifty episodes is fifty
/// records, the same episode read by three fields of one request is one per field.
/// </remarks>
public sealed class DisclosureLog(Operation current, IAccessRecordWriter writer, TimeProvider clock, ILogger<DisclosureLog> logger)
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

    /// <summary>
    /// A record was handed out; recorded when it is patient data (a clinic's own record, its name or its therapists, is
    /// not), whoever the caller is.
    /// </summary>
    public void Granted(string operation, DisclosureSubject subject)
    {
        if (subject.PatientId is null) return;
        if (Caller is null)
        {
            // Authorization lets no anonymous caller reach patient data; should that ever break, it is not silent.
            logger.LogError("{Operation} handed out patient data to a caller without a valid identity", operation);
            return;
        }
        Add(operation, null, subject, DisclosureOutcome.Granted, null);
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

    /// <summary>
    /// Writes what is pending in one append (see <see cref="IAccessRecordWriter"/>); nothing when nothing is. Only an
    /// operation's completion calls it (<see cref="OperationAccess.CompleteAsync"/>), so no surface flushes by hand.
    /// </summary>
    internal async Task FlushAsync()
    {
        if (_pending.Count == 0) return;
        await writer.AppendAsync(current, _pending.ToArray());
        _pending.Clear();
    }

    private Security.Caller? Caller => current.Caller;

    private void Refuse(string operation, Guid? requestedId, DisclosureSubject subject, string reason)
    {
        if (Caller is null)
        {
            logger.LogWarning("Refused {Operation} ({Surface}) to a caller without a valid identity: {Reason}", operation, current.Surface, reason);
            return;
        }
        Add(operation, requestedId, subject, DisclosureOutcome.Denied, reason);
    }

    private void Add(string operation, Guid? requestedId, DisclosureSubject subject, DisclosureOutcome outcome, string? reason)
    {
        var caller = Caller!;
        if (_pending.Any(d => d.Operation == operation && d.Outcome == outcome && d.RequestedId == requestedId && d.PatientId == subject.PatientId
                              && d.EpisodeId == subject.EpisodeId && d.ClinicId == subject.ClinicId)) return;
        _pending.Add(new DisclosureRecorded(Guid.CreateVersion7(), caller.Actor, caller.Clinics.Order().ToList(), caller.PayerId, operation,
            requestedId, subject.ClinicId, subject.PatientId, subject.EpisodeId, outcome, reason, clock.GetUtcNow()));
    }
}
