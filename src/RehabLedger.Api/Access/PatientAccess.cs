using Marten;
using RehabLedger.Disclosures;
using RehabLedger.Patients;
using RehabLedger.Security;

namespace RehabLedger.Access;

/// <summary>
/// Operations on one patient named by id that are not reads of their clinical record: managing their consents, and
/// listing who read their data. A patient out of reach is answered and recorded exactly as one that does not exist;
/// a permitted one is not recorded as a read (a consent change is on the patient's stream with its actor, and the
/// access log's own reads are not accounted, see chapter 8).
/// </summary>
public static class PatientAccess
{
    public const string MayNotManageConsent = "The caller may not manage this patient's consents.";
    public const string MayNotListDisclosures = "The caller may not list this patient's disclosures.";

    public static DisclosureSubject Subject(Patient patient) => new(patient.ClinicId, patient.Id, null);

    public static AccessDecision ManageConsent(AccessGuard guard, Patient? patient) =>
        Decide(patient, p => guard.CanManageConsent(p.ClinicId, p.Id), MayNotManageConsent);

    public static AccessDecision ListDisclosures(AccessGuard guard, Patient? patient) =>
        Decide(patient, p => guard.CanReadDisclosures(p.ClinicId, p.Id), MayNotListDisclosures);

    /// <summary>The patient when <paramref name="decide"/> permits the operation on them, else null with the refusal recorded.</summary>
    public static async Task<Patient?> PermittedPatient(this OperationAccess access, IQuerySession session, string operation, Guid patientId,
        Func<AccessGuard, Patient?, AccessDecision> decide, CancellationToken ct)
    {
        var patient = await session.LoadAsync<Patient>(patientId, ct);
        return access.Check(operation, patientId, decide(access.Guard, patient)) ? patient : null;
    }

    private static AccessDecision Decide(Patient? patient, Func<Patient, bool> allowed, string reason) =>
        patient is null ? AccessDecision.NotFound
        : allowed(patient) ? AccessDecision.Grant(Subject(patient))
        : AccessDecision.Refuse(Subject(patient), reason);
}
