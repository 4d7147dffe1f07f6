using RehabLedger.Common;

namespace RehabLedger.Patients;

/// <summary>A patient is registered with a clinic. Starts the patient's stream.</summary>
public sealed record PatientRegistered(
    Guid PatientId,
    Guid ClinicId,
    string FamilyName,
    string GivenName,
    DateOnly BirthDate,
    AdministrativeSex Sex,
    string? MedicalRecordNumber,
    ActorRef By,
    DateTimeOffset EffectiveAt);

/// <summary>Administrative sex as FHIR R4 codes it (AdministrativeGender).</summary>
public enum AdministrativeSex
{
    Female,
    Male,
    Other,
    Unknown,
}
