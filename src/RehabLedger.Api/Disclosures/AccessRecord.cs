using JasperFx.Events;
using Marten;
using Marten.Events.Projections;

namespace RehabLedger.Disclosures;

/// <summary>One access as the access log and a patient's disclosure list show it.</summary>
public sealed class AccessRecord
{
    public Guid Id { get; set; }

    /// <summary>The event's global sequence number: the log's order and its cursor.</summary>
    public long Sequence { get; set; }

    public DateTimeOffset At { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public string ActorId { get; set; } = "";
    public string ActorRole { get; set; } = "";
    public string ActorName { get; set; } = "";
    public string? Payer { get; set; }
    public string Operation { get; set; } = "";
    public Guid? ClinicId { get; set; }
    public Guid? PatientId { get; set; }
    public Guid? EpisodeId { get; set; }
    public DisclosureOutcome Outcome { get; set; }
    public string? Reason { get; set; }
    public string? CorrelationId { get; set; }

    /// <summary>The clinic the access concerns and the caller's own clinics: whose auditors see this record.</summary>
    public List<Guid> Clinics { get; set; } = [];
}

/// <summary>
/// Async: the log is ordered by the events' global sequence and shows the database's commit time, which only the
/// daemon, reading committed events, knows. An access appears in the log a moment after it happened.
/// </summary>
public sealed partial class AccessRecordProjection : EventProjection
{
    public AccessRecord Create(IEvent<DisclosureRecorded> e)
    {
        var d = e.Data;
        return new AccessRecord
        {
            Id = d.DisclosureId,
            Sequence = e.Sequence,
            At = d.At,
            RecordedAt = e.Timestamp,
            ActorId = d.By.Id,
            ActorRole = d.By.Role,
            ActorName = d.By.DisplayName,
            Payer = d.Payer,
            Operation = d.Operation,
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
