using RehabLedger.Disclosures;
using RehabLedger.Security;

namespace RehabLedger.Insurers;

/// <summary>
/// Which outcome histories a list may hold for the caller: the episodes of their clinics for clinic staff, every
/// covered episode whose patient consents to the payer for an insurer, everything for a platform administrator.
/// </summary>
/// <param name="Clinics">Null for every clinic.</param>
public sealed record OutcomeHistoryScope(IReadOnlySet<Guid>? Clinics, bool ConsentRequired)
{
    public static OutcomeHistoryScope For(AccessGuard guard) =>
        guard.Caller?.Role == Roles.Insurer ? new(null, ConsentRequired: true) : new(guard.ClinicScope, ConsentRequired: false);
}

/// <summary>The one place that decides whether the caller may read an episode's outcome history, and accounts for it.</summary>
public static class OutcomeHistoryAccess
{
    /// <summary>
    /// True when the caller may read the history; the read is then accounted for (for insurers and auditors). Otherwise
    /// the attempt is recorded, alike for an unknown id, an episode naming no payer and one out of reach, and the caller
    /// must be answered exactly as for an episode that does not exist.
    /// </summary>
    public static bool Permit(Guid episodeId, OutcomeHistorySubject? found, AccessGuard guard, DisclosureLog log, string operation)
    {
        if (found is null)
        {
            log.Unreachable(operation, episodeId, null, DisclosureLog.OutOfReach);
            return false;
        }
        var (episode, patient) = (found.Episode, found.Patient);
        var subject = new DisclosureSubject(episode.ClinicId, patient.Id, episode.Id);
        if (!guard.CanReadOutcomeHistory(episode.ClinicId, episode.Coverage?.PayerId, patient.HasActiveConsent))
        {
            log.Unreachable(operation, episodeId, subject,
                "The caller may not read this outcome history: another clinic, another payer, or no active consent.");
            return false;
        }
        if (episode.Coverage is null)
        {
            log.Unreachable(operation, episodeId, subject, "The episode names no payer, so it has no outcome history.");
            return false;
        }
        log.Granted(operation, subject);
        return true;
    }
}
