using JasperFx.Events;
using Marten;
using Marten.Events.Projections;

namespace RehabLedger.Disclosures;

/// <summary>
/// One access as the access log and a patient's disclosure list show it. A refusal of another clinic's record is
/// two records, one for each side (see <see cref="AccessRecordProjection"/>); everything else is one.
/// </summary>
public sealed class AccessRecord
{
    public Guid Id { get; set; }

    /// <summary>The event's global sequence number.</summary>
    public long Sequence { get; set; }

    /// <summary>
    /// The log's order and its cursor: the sequence, doubled so the two records of one refusal (the caller's side
    /// first, then the owner's) each have a place of their own.
    /// </summary>
    public long Position { get; set; }

    public DateTimeOffset At { get; set; }
    public DateTimeOffset RecordedAt { get; set; }

    /// <summary>Null on the owner's record of an attempt from outside: who tried is not theirs to know.</summary>
    public string? ActorId { get; set; }

    public string ActorRole { get; set; } = "";

    /// <summary>Null when <see cref="ActorId"/> is.</summary>
    public string? ActorName { get; set; }

    public string? Payer { get; set; }
    public string Operation { get; set; } = "";
    public Guid? RequestedId { get; set; }
    public Guid? ClinicId { get; set; }
    public Guid? PatientId { get; set; }
    public Guid? EpisodeId { get; set; }
    public DisclosureOutcome Outcome { get; set; }
    public string? Reason { get; set; }
    public string? CorrelationId { get; set; }

    /// <summary>The clinics whose auditors see this record.</summary>
    public List<Guid> Clinics { get; set; } = [];
}

/// <summary>
/// Async: the log is ordered by the events' global sequence and shows the database's commit time, which only the
/// daemon, reading committed events, knows. An access appears in the log a moment after it happened.
/// </summary>
/// <remarks>
/// A record of a refusal shows each clinic only what it already knew. When the refused record belongs to a clinic
/// the caller is not in, the caller's clinics get the id the caller sent and <see cref="DisclosureLog.OutOfReach"/>,
/// exactly what an id nobody has gives them, and nothing of whose record it is; the record's clinic gets its
/// record, the operation, the time, the outsider's role and payer and the request's correlation id, but not who
/// the outsider is. Platform administrators see both, and the event holds the whole.
/// </remarks>
public sealed partial class AccessRecordProjection : EventProjection
{
    // Stored through IDocumentOperations, which Marten cannot see: declared, so a rebuild wipes and rewrites them.
    public AccessRecordProjection() => RegisterPublishedType(typeof(AccessRecord));

    public void Project(IEvent<DisclosureRecorded> e, IDocumentOperations operations)
    {
        var d = e.Data;
        if (d.Outcome != DisclosureOutcome.Denied || d.ClinicId is not { } owner || d.ActorClinics.Contains(owner))
        {
            operations.Store(Whole(e));
            return;
        }

        var callersSide = Whole(e);
        callersSide.ClinicId = callersSide.PatientId = callersSide.EpisodeId = null;
        callersSide.Reason = DisclosureLog.OutOfReach;
        callersSide.Clinics = [.. d.ActorClinics];

        var ownersSide = Whole(e);
        // The event's own id: stable and distinct from the disclosure id, so a rebuild writes the same two documents.
        ownersSide.Id = e.Id;
        ownersSide.Position++;
        ownersSide.ActorId = ownersSide.ActorName = null;
        ownersSide.Clinics = [owner];
        operations.Store(callersSide, ownersSide);
    }

    private static AccessRecord Whole(IEvent<DisclosureRecorded> e)
    {
        var d = e.Data;
        return new AccessRecord
        {
            Id = d.DisclosureId,
            Sequence = e.Sequence,
            Position = 2 * e.Sequence,
            At = d.At,
            RecordedAt = e.Timestamp,
            ActorId = d.By.Id,
            ActorRole = d.By.Role,
            ActorName = d.By.DisplayName,
            Payer = d.Payer,
            Operation = d.Operation,
            RequestedId = d.RequestedId,
            ClinicId = d.ClinicId,
            PatientId = d.PatientId,
            EpisodeId = d.EpisodeId,
            Outcome = d.Outcome,
            Reason = d.Reason,
            CorrelationId = e.CorrelationId,
            Clinics = [.. d.ClinicId is { } clinic ? [clinic] : Array.Empty<Guid>(), .. d.ActorClinics.Where(c => c != d.ClinicId)],
        };
    }
}
