namespace RehabLedger.Security;

/// <summary>The roles a token can carry in its <c>role</c> claim; a token with any other role is refused.</summary>
public static class Roles
{
    /// <summary>Operates the service: registers clinics, reads and writes everything. Every action is still attributed.</summary>
    public const string PlatformAdmin = "platform_admin";

    /// <summary>Runs one or more clinics: reads everything in them, registers their therapists and patients.</summary>
    public const string ClinicAdmin = "clinic_admin";

    /// <summary>Reads and writes the episodes of their clinics.</summary>
    public const string Therapist = "therapist";

    /// <summary>Reads everything in their clinics, including history and raw events; writes nothing.</summary>
    public const string Auditor = "auditor";

    /// <summary>A payer: reads outcome histories of covered, consenting patients only.</summary>
    public const string Insurer = "insurer";

    /// <summary>A patient: their own current program, their home log, their consents and disclosures.</summary>
    public const string Patient = "patient";

    public static readonly IReadOnlyList<string> All = [PlatformAdmin, ClinicAdmin, Therapist, Auditor, Insurer, Patient];

    /// <summary>Roles that belong to clinics and must name them in <c>clinic</c> claims.</summary>
    public static readonly IReadOnlyList<string> ClinicBound = [ClinicAdmin, Therapist, Auditor];
}

/// <summary>
/// The claims RehabLedger reads, by their names in the token. Inbound claim mapping is off, so these names
/// arrive unchanged (no rewriting of <c>sub</c> into a SOAP-era URI).
/// </summary>
public static class RehabClaims
{
    public const string Subject = "sub";
    public const string Name = "name";
    public const string Role = "role";

    /// <summary>Repeatable: each clinic a clinic administrator, therapist or auditor belongs to.</summary>
    public const string Clinic = "clinic";

    /// <summary>The insurer's payer id, as episodes name it in their coverage.</summary>
    public const string Payer = "payer";

    /// <summary>The patient id of a patient user.</summary>
    public const string Patient = "patient";
}
