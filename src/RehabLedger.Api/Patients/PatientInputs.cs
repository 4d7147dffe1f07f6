using System.ComponentModel;
using RehabLedger.Common;
using RehabLedger.GraphQL;

namespace RehabLedger.Patients;

[Description("A patient to register with a clinic.")]
public sealed record RegisterPatientInput(
    [property: Description(Describe.ClientId + "registering twice.")] Guid? Id,
    [property: Description("A clinic you administer.")] Guid ClinicId,
    [property: Description("The patient's family name.")] string FamilyName,
    [property: Description("The patient's given name.")] string GivenName,
    [property: Description("The patient's date of birth.")] DateOnly BirthDate,
    [property: Description("Administrative sex, as on the patient's records.")] AdministrativeSex Sex,
    [property: Description("The clinic's medical record number, when it has one.")] string? MedicalRecordNumber)
{
    public RegisterPatient ToCommand(ActorRef by) =>
        new(RequestContext.NewId(Id), ClinicId, FamilyName, GivenName, BirthDate, Sex, MedicalRecordNumber, by);
}
