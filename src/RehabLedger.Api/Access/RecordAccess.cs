using RehabLedger.Disclosures;
using RehabLedger.Security;

namespace RehabLedger.Access;

/// <summary>
/// Reading a clinic record looked up by id (a clinic, a patient, an episode): the record itself when its clinic is
/// within the caller's reach, else nothing exactly as for an id that does not exist. Both misses are recorded alike
/// (see <see cref="DisclosureLog.Unreachable"/>), so neither the answer nor its cost tells them apart; a granted read of
/// patient data is recorded whoever reads it.
/// </summary>
public static class RecordAccess
{
    public const string OtherClinic = "The record belongs to a clinic outside the caller's clinics.";

    /// <summary>The decision about a record whose subject is <paramref name="found"/> (null when nothing has the id).</summary>
    public static AccessDecision Read(AccessGuard guard, DisclosureSubject? found) =>
        found is null ? AccessDecision.NotFound
        : guard.CanRead(found.ClinicId!.Value) ? AccessDecision.Grant(found)
        : AccessDecision.Refuse(found, OtherClinic);

    /// <summary><paramref name="found"/> as the caller may see it, with the read or the refusal recorded.</summary>
    public static T? Readable<T>(this OperationAccess access, string operation, Guid id, T? found, Func<T, DisclosureSubject> subjectOf) where T : class =>
        access.Record(operation, id, Read(access.Guard, found is null ? null : subjectOf(found))) ? found : null;
}
