using RehabLedger.Common;
using Wolverine.Marten;

namespace RehabLedger.Clinics;

public sealed record RegisterClinic(Guid ClinicId, string Name, ActorRef By) : IActorCommand;

public static class RegisterClinicHandler
{
    public static ClinicRegistered Decide(RegisterClinic command, DateTimeOffset now) => new(
        Validate.Id(command.ClinicId, "id"),
        Validate.Required(command.Name, "name"),
        command.By,
        now);

    public static (StreamWritten, IStartStream) Handle(RegisterClinic command, TimeProvider clock)
    {
        var registered = Decide(command, clock.GetUtcNow());
        return (new StreamWritten(registered.ClinicId, 1), MartenOps.StartStream<Clinic>(registered.ClinicId, registered));
    }
}
