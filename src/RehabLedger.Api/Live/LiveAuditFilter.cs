using RehabLedger.Audit;
using RehabLedger.Common;
using RehabLedger.Disclosures;

namespace RehabLedger.Live;

/// <summary>The auditTrail query's filter applied to one event as it arrives, with the query's checks of the filter itself.</summary>
public sealed class LiveAuditFilter(AuditFilter filter)
{
    public static LiveAuditFilter Checked(AuditFilter? filter)
    {
        filter ??= new AuditFilter();
        Validate.That(filter.From is null || filter.To is null || filter.From < filter.To, "filter.to",
            "filter.to must be later than filter.from (from is inclusive, to exclusive).");
        Validate.That(filter.ActorId is null || filter.ActorId.Length is > 0 and <= Validate.ShortText, "filter.actorId",
            $"filter.actorId must be 1 to {Validate.ShortText} characters.");
        Validate.That(filter.EventTypes is null || filter.EventTypes.All(t => t.Length is > 0 and <= AuditTrail.MaxEventTypeLength), "filter.eventTypes",
            $"filter.eventTypes must name event types of 1 to {AuditTrail.MaxEventTypeLength} characters.");
        return new LiveAuditFilter(filter);
    }

    /// <summary>The conditions on the event itself, checked before anything is looked up.</summary>
    public bool MatchesEvent(LedgerEvent e) =>
        (filter.ActorId is null || e.Actor?.Id == filter.ActorId)
        && (filter.EventTypes is null || filter.EventTypes.Contains(e.Type))
        && (filter.From is null || e.RecordedAt >= filter.From)
        && (filter.To is null || e.RecordedAt < filter.To);

    /// <summary>The patient and episode conditions, on whose record the stream is (null when no patient's or episode's).</summary>
    public bool MatchesStream(Guid streamId, DisclosureSubject? subject) =>
        (filter.EpisodeId is null || streamId == filter.EpisodeId)
        && (filter.PatientId is null || subject?.PatientId == filter.PatientId);
}
