namespace RehabLedger.Patients;

/// <summary>
/// A patient's demographics. Projected inline as a snapshot so that opening an episode can check the
/// patient exists within its own transaction and <c>registerPatient</c> answers with the patient at once.
/// </summary>
public sealed partial class Patient
{
    public Guid Id { get; set; }
    public long Version { get; set; }
    public Guid ClinicId { get; set; }
    public string FamilyName { get; set; } = "";
    public string GivenName { get; set; } = "";
    public DateOnly BirthDate { get; set; }
    public AdministrativeSex Sex { get; set; }
    public string? MedicalRecordNumber { get; set; }
    public DateTimeOffset RegisteredAt { get; set; }

    public static Patient Create(PatientRegistered e) => new()
    {
        Id = e.PatientId,
        ClinicId = e.ClinicId,
        FamilyName = e.FamilyName,
        GivenName = e.GivenName,
        BirthDate = e.BirthDate,
        Sex = e.Sex,
        MedicalRecordNumber = e.MedicalRecordNumber,
        RegisteredAt = e.EffectiveAt,
    };
}
