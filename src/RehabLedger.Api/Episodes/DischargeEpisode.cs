using RehabLedger.Common;
using Wolverine.Marten;

namespace RehabLedger.Episodes;

/// <param name="ExpectedVersion">The episode version the caller last saw; a stale one is refused with CONFLICT.</param>
public sealed record DischargeEpisode(Guid EpisodeId, long ExpectedVersion, DateOnly EffectiveOn, string Reason, ActorRef By) : IActorCommand;

public static class DischargeEpisodeHandler
{
    [AggregateHandler]
    public static (UpdatedAggregate, Events) Handle(DischargeEpisode command, Episode? episode, TimeProvider clock) =>
        (new UpdatedAggregate(), [Decide(command, episode, clock.Today())]);

    public static EpisodeDischarged Decide(DischargeEpisode command, Episode? found, DateOnly today)
    {
        var episode = EpisodeRules.Writable(found, command.EpisodeId, command.ExpectedVersion);
        EpisodeRules.WithinEpisode(command.EffectiveOn, episode, today, "input.effectiveOn");
        var lastAssessment = episode.Assessments.Select(a => a.EffectiveOn).DefaultIfEmpty(episode.StartedOn).Max();
        Validate.That(command.EffectiveOn >= lastAssessment, "input.effectiveOn",
            $"input.effectiveOn {command.EffectiveOn:yyyy-MM-dd} is before the last assessment on {lastAssessment:yyyy-MM-dd}.");
        return new EpisodeDischarged(
            episode.Id,
            command.EffectiveOn,
            Validate.Required(command.Reason, "input.reason", Validate.LongText),
            command.By);
    }
}
