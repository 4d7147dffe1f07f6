namespace RehabLedger.Common;

/// <summary>A command that changes an existing episode; the GraphQL layer checks the episode's clinic before sending it.</summary>
public interface IEpisodeCommand : IActorCommand
{
    Guid EpisodeId { get; }
}
