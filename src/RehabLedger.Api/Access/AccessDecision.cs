using RehabLedger.Disclosures;

namespace RehabLedger.Access;

/// <summary>
/// What an access check decided about one record the caller named: granted, with whose data it hands out, or refused,
/// with whose record it would have been (null when nothing has the id) and why. Decisions are pure; the
/// <see cref="OperationAccess"/> records them.
/// </summary>
public sealed record AccessDecision(bool Granted, DisclosureSubject? Subject, string? Reason)
{
    public static AccessDecision Grant(DisclosureSubject subject) => new(true, subject, null);

    public static AccessDecision Refuse(DisclosureSubject? subject, string reason) => new(false, subject, reason);

    /// <summary>Nothing has the id: refused, and recorded exactly like a record out of reach (see <see cref="DisclosureLog.Unreachable"/>).</summary>
    public static readonly AccessDecision NotFound = new(false, null, DisclosureLog.OutOfReach);
}
