using RehabLedger.Access;
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

/// <summary>
/// The one place that decides whether the caller may read an episode's outcome history, for every surface that serves
/// one (the GraphQL fields, the FHIR route).
/// </summary>
public static class OutcomeHistoryAccess
{
    public const string MayNotRead = "The caller may not read this outcome history: another clinic, another payer, or no active consent.";
    public const string NoPayer = "The episode names no payer, so it has no outcome history.";

    /// <summary>
    /// Granted when the caller may read the history. Refused alike for an unknown id, an episode naming no payer and
    /// one out of reach: the caller must be answered exactly as for an episode that does not exist.
    /// </summary>
    public static AccessDecision Decide(AccessGuard guard, OutcomeHistorySubject? found)
    {
        if (found is null) return AccessDecision.NotFound;
        var (episode, patient) = (found.Episode, found.Patient);
        var subject = new DisclosureSubject(episode.ClinicId, patient.Id, episode.Id);
        if (!guard.CanReadOutcomeHistory(episode.ClinicId, episode.Coverage?.PayerId, patient.HasActiveConsent))
            return AccessDecision.Refuse(subject, MayNotRead);
        return episode.Coverage is null ? AccessDecision.Refuse(subject, NoPayer) : AccessDecision.Grant(subject);
    }

    /// <summary>Why the caller may not list <paramref name="payerId"/>'s outcome histories, or null when they may: an insurer lists its own payer's only.</summary>
    public static string? RefusePayer(AccessGuard guard, string payerId) =>
        guard.Caller is { Role: Roles.Insurer } insurer && insurer.PayerId != payerId
            ? $"An insurer for {insurer.PayerId} asked for payer {payerId}."
            : null;

    /// <summary>Records a refusal of another payer's list and throws <see cref="AccessDenied"/> naming <paramref name="field"/>.</summary>
    public static void RequirePayer(this OperationAccess access, string operation, string payerId, string field)
    {
        if (RefusePayer(access.Guard, payerId) is not { } reason) return;
        access.Log.Denied(operation, DisclosureSubject.Unknown, reason);
        throw new AccessDenied($"{field} names another payer than yours.", field);
    }

    /// <summary>The permit an outcome-history query asks: decides, and records the read or the refusal under <paramref name="operation"/>.</summary>
    public static OutcomeHistoryPermit Permit(OperationAccess access, string operation) =>
        (episodeId, found) => access.Record(operation, episodeId, Decide(access.Guard, found));
}
