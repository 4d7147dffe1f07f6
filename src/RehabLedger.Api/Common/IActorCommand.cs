namespace RehabLedger.Common;

/// <summary>A command that knows who issued it; its events are attributed to that actor.</summary>
public interface IActorCommand
{
    ActorRef By { get; }
}
