namespace RehabLedger.Security;

/// <summary>
/// The authorization policies GraphQL fields and HTTP endpoints name, each a set of roles. A policy says who may
/// use an operation at all; which records they reach (their clinics, their payer, themselves) is the
/// <see cref="AccessGuard"/>'s decision, made on the records themselves.
/// </summary>
public static class Policies
{
    /// <summary>Clinic records: clinics, therapists, patients, episodes, the caseload.</summary>
    public const string ReadClinic = "read-clinic";

    /// <summary>Registering a clinic.</summary>
    public const string RegisterClinic = "register-clinic";

    /// <summary>Registering a clinic's therapists and patients.</summary>
    public const string AdministerClinic = "administer-clinic";

    /// <summary>Clinical writes: opening an episode and every change to it.</summary>
    public const string WriteClinical = "write-clinical";

    /// <summary>Logging a home exercise: clinicians, and the patient on their own episode.</summary>
    public const string LogHomeExercise = "log-home-exercise";

    /// <summary>Granting and revoking a payer's consent.</summary>
    public const string ManageConsent = "manage-consent";

    /// <summary>Outcome histories: clinic staff for their clinics, insurers for covered and consenting patients.</summary>
    public const string ReadOutcomeHistories = "read-outcome-histories";

    /// <summary>Raw events and the audit trail across streams: for those who audit, not for those who treat.</summary>
    public const string ReadAuditTrail = "read-audit-trail";

    /// <summary>The access log of a clinic.</summary>
    public const string ReadAccessLog = "read-access-log";

    /// <summary>The list of disclosures of one patient's data.</summary>
    public const string ReadDisclosures = "read-disclosures";

    /// <summary>A patient's own view of their episodes.</summary>
    public const string PatientPortal = "patient-portal";

    public static readonly IReadOnlyDictionary<string, string[]> Roles = new Dictionary<string, string[]>
    {
        [ReadClinic] = [Security.Roles.PlatformAdmin, Security.Roles.ClinicAdmin, Security.Roles.Therapist, Security.Roles.Auditor],
        [RegisterClinic] = [Security.Roles.PlatformAdmin],
        [AdministerClinic] = [Security.Roles.PlatformAdmin, Security.Roles.ClinicAdmin],
        [WriteClinical] = [Security.Roles.PlatformAdmin, Security.Roles.Therapist],
        [LogHomeExercise] = [Security.Roles.PlatformAdmin, Security.Roles.Therapist, Security.Roles.Patient],
        [ManageConsent] = [Security.Roles.PlatformAdmin, Security.Roles.ClinicAdmin, Security.Roles.Therapist, Security.Roles.Patient],
        [ReadOutcomeHistories] =
            [Security.Roles.PlatformAdmin, Security.Roles.ClinicAdmin, Security.Roles.Therapist, Security.Roles.Auditor, Security.Roles.Insurer],
        [ReadAuditTrail] = [Security.Roles.PlatformAdmin, Security.Roles.ClinicAdmin, Security.Roles.Auditor],
        [ReadAccessLog] = [Security.Roles.PlatformAdmin, Security.Roles.Auditor],
        [ReadDisclosures] = [Security.Roles.PlatformAdmin, Security.Roles.ClinicAdmin, Security.Roles.Patient],
        [PatientPortal] = [Security.Roles.Patient],
    };
}
