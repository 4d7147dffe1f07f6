namespace RehabLedger.Security;

/// <summary>
/// Decides, record by record, what the caller of this request may reach. Every clinic record carries its clinic
/// id; a staff member reaches the records of the clinics their token names, a platform administrator every
/// clinic, a patient only themself, an insurer nothing here (outcome histories have their own rule). One per
/// operation, built from its caller (see <see cref="Access.OperationAccess"/>), whatever surface serves it.
/// </summary>
public sealed class AccessGuard
{
    private static readonly IReadOnlySet<Guid> NoClinics = new HashSet<Guid>();

    public AccessGuard(Caller? caller) => Caller = caller;

    /// <summary>Null when the operation carries no valid identity.</summary>
    public Caller? Caller { get; }

    public bool SeesEveryClinic => Is(Roles.PlatformAdmin);

    /// <summary>The clinics list queries are filtered to; null means every clinic.</summary>
    public IReadOnlySet<Guid>? ClinicScope => SeesEveryClinic ? null : Caller?.Clinics ?? NoClinics;

    /// <summary>Clinic records: the clinic, its therapists, patients, episodes and caseload.</summary>
    public bool CanRead(Guid clinicId) =>
        SeesEveryClinic || (Caller is { Role: Roles.ClinicAdmin or Roles.Therapist or Roles.Auditor } && InClinic(clinicId));

    /// <summary>Registering the clinic's therapists and patients.</summary>
    public bool CanAdminister(Guid clinicId) => SeesEveryClinic || (Is(Roles.ClinicAdmin) && InClinic(clinicId));

    /// <summary>Opening and changing the clinic's episodes.</summary>
    public bool CanWriteClinical(Guid clinicId) => SeesEveryClinic || (Is(Roles.Therapist) && InClinic(clinicId));

    public bool IsPatient(Guid patientId) => Is(Roles.Patient) && Caller!.PatientId == patientId;

    /// <summary>Clinicians of the episode's clinic, or the patient on their own episode.</summary>
    public bool CanLogHomeExercise(Guid clinicId, Guid patientId) => CanWriteClinical(clinicId) || IsPatient(patientId);

    /// <summary>The patient's clinicians and clinic administrators, or the patient themself.</summary>
    public bool CanManageConsent(Guid clinicId, Guid patientId) =>
        SeesEveryClinic || ((Is(Roles.ClinicAdmin) || Is(Roles.Therapist)) && InClinic(clinicId)) || IsPatient(patientId);

    /// <summary>Who learnt what about a patient: their clinic's administrators, or the patient themself.</summary>
    public bool CanReadDisclosures(Guid clinicId, Guid patientId) =>
        SeesEveryClinic || (Is(Roles.ClinicAdmin) && InClinic(clinicId)) || IsPatient(patientId);

    /// <summary>
    /// An episode's outcome history: the clinic's staff, or the insurer its coverage names while the patient's consent
    /// for that payer is active (checked on every request, so a revocation applies to the very next one).
    /// </summary>
    public bool CanReadOutcomeHistory(Guid clinicId, string? coveragePayerId, Func<string, bool> consentActive) =>
        CanRead(clinicId) || (Is(Roles.Insurer) && coveragePayerId == Caller!.PayerId && consentActive(Caller.PayerId!));

    /// <summary>The access log of a clinic.</summary>
    public bool CanReadAccessLog(Guid clinicId) => SeesEveryClinic || (Is(Roles.Auditor) && InClinic(clinicId));

    private bool Is(string role) => Caller?.Role == role;

    private bool InClinic(Guid clinicId) => Caller?.Clinics.Contains(clinicId) == true;
}
