using Marten;
using RehabLedger.Common;
using Wolverine.Marten;

namespace RehabLedger.Clinics;

public sealed record RegisterTherapist(
    Guid TherapistId,
    Guid ClinicId,
    string DisplayName,
    string Profession,
    string? LicenseNumber,
    ActorRef By) : IActorCommand;

public static class RegisterTherapistHandler
{
    public static Task<Clinic?> LoadAsync(RegisterTherapist command, IDocumentSession session, CancellationToken ct) =>
        session.LoadAsync<Clinic>(command.ClinicId, ct);

    public static TherapistRegistered Decide(RegisterTherapist command, Clinic? clinic, DateTimeOffset now)
    {
        if (clinic is null) throw ClinicalRuleViolation.NotFound("clinic", command.ClinicId, "clinicId");
        return new(
            Validate.Id(command.TherapistId, "id"),
            clinic.Id,
            Validate.Required(command.DisplayName, "displayName"),
            Validate.Required(command.Profession, "profession"),
            Validate.Optional(command.LicenseNumber, "licenseNumber"),
            command.By,
            now);
    }

    public static (StreamWritten, IStartStream) Handle(RegisterTherapist command, Clinic? clinic, TimeProvider clock)
    {
        var registered = Decide(command, clinic, clock.GetUtcNow());
        return (new StreamWritten(registered.TherapistId, 1), MartenOps.StartStream<Therapist>(registered.TherapistId, registered));
    }
}
