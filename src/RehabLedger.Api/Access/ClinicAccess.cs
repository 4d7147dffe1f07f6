using RehabLedger.Disclosures;
using RehabLedger.Security;

namespace RehabLedger.Access;

/// <summary>
/// A clinic id the caller named (to register in, to open an episode at, to filter by): refused with FORBIDDEN when it
/// is outside their reach, whether or not such a clinic exists, so the answer says nothing about other clinics.
/// </summary>
public static class ClinicAccess
{
    public const string OutsideReach = "The clinic is not one of the caller's clinics, or the caller's role may not do this there.";

    public static AccessDecision Decide(AccessGuard guard, Guid clinicId, Func<AccessGuard, Guid, bool> allowed) =>
        allowed(guard, clinicId)
            ? AccessDecision.Grant(DisclosureSubject.Clinic(clinicId))
            : AccessDecision.Refuse(DisclosureSubject.Clinic(clinicId), OutsideReach);

    /// <summary>Records a refusal and throws <see cref="AccessDenied"/> naming <paramref name="field"/>, the surface's name for the id.</summary>
    public static void RequireClinic(this OperationAccess access, string operation, Guid clinicId, Func<AccessGuard, Guid, bool> allowed, string field)
    {
        if (access.Record(operation, clinicId, Decide(access.Guard, clinicId, allowed))) return;
        throw new AccessDenied($"{field} {clinicId} is not a clinic you may do this in.", field);
    }
}
