using RehabLedger.Security;

namespace RehabLedger.Demo;

/// <summary>
/// The people of the demo data set, as the development token endpoint mints tokens for them. Therapists' subjects
/// are their therapist ids, so what they record is attributed to the therapist the records name.
/// </summary>
public static class DemoUsers
{
    public static readonly IReadOnlyDictionary<string, TokenClaims> ByName = new Dictionary<string, TokenClaims>
    {
        ["dana"] = new(DemoDataSet.DanaId.ToString(), "Dana Whitfield", Roles.Therapist, [DemoDataSet.ClinicId]),
        ["marcus"] = new(DemoDataSet.MarcusId.ToString(), "Marcus Oyelaran", Roles.Therapist, [DemoDataSet.ClinicId]),
        ["riverside-admin"] = new("riverside-admin", "Riverside clinic administrator", Roles.ClinicAdmin, [DemoDataSet.ClinicId]),
        ["auditor"] = new("auditor", "Riverside compliance auditor", Roles.Auditor, [DemoDataSet.ClinicId]),
        ["aetna"] = new("aetna-reviewer", "Aetna utilization review", Roles.Insurer, Payer: "aetna"),
        ["maria"] = new("maria", "Maria Alvarez", Roles.Patient, Patient: DemoDataSet.Patients[0].PatientId),
    };
}
