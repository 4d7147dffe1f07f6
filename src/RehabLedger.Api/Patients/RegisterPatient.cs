using Marten;
using RehabLedger.Clinics;
using RehabLedger.Common;
using Wolverine.Marten;

namespace RehabLedger.Patients;

public sealed record RegisterPatient(
    Guid PatientId,
    Guid ClinicId,
    string FamilyName,
    string GivenName,
    DateOnly BirthDate,
    AdministrativeSex Sex,
    string? MedicalRecordNumber,
    ActorRef By) : IActorCommand;

public static class RegisterPatientHandler
{
    /// <summary>Nobody alive was born before this; an earlier date is a typing error.</summary>
    private static readonly DateOnly EarliestBirthDate = new(1900, 1, 1);

    public static Task<Clinic?> LoadAsync(RegisterPatient command, IDocumentSession session, CancellationToken ct) =>
        session.LoadAsync<Clinic>(command.ClinicId, ct);

    public static PatientRegistered Decide(RegisterPatient command, Clinic? clinic, DateTimeOffset now)
    {
        if (clinic is null) throw ClinicalRuleViolation.NotFound("clinic", command.ClinicId, "clinicId");
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        Validate.NotInFuture(command.BirthDate, today, "birthDate");
        Validate.That(command.BirthDate >= EarliestBirthDate, "birthDate",
            $"birthDate {command.BirthDate:yyyy-MM-dd} is before {EarliestBirthDate:yyyy-MM-dd}.");
        Validate.That(Enum.IsDefined(command.Sex), "sex", "sex is not a known value.");

        return new(
            Validate.Id(command.PatientId, "id"),
            clinic.Id,
            Validate.Required(command.FamilyName, "familyName"),
            Validate.Required(command.GivenName, "givenName"),
            command.BirthDate,
            command.Sex,
            Validate.Optional(command.MedicalRecordNumber, "medicalRecordNumber"),
            command.By,
            now);
    }

    public static (StreamWritten, IStartStream) Handle(RegisterPatient command, Clinic? clinic, TimeProvider clock)
    {
        var registered = Decide(command, clinic, clock.GetUtcNow());
        return (new StreamWritten(registered.PatientId, 1), MartenOps.StartStream<Patient>(registered.PatientId, registered));
    }
}
