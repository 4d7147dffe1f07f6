using RehabLedger.Common;
using RehabLedger.Episodes;
using Wolverine.Marten;

namespace RehabLedger.Programs;

public sealed record DiscontinueExercise(
    Guid EpisodeId,
    long ExpectedVersion,
    Guid ExerciseId,
    Guid ChangeId,
    string Reason,
    DateOnly EffectiveOn,
    ActorRef By) : IEpisodeCommand;

public static class DiscontinueExerciseHandler
{
    [AggregateHandler]
    public static (UpdatedAggregate, Events) Handle(DiscontinueExercise command, Episode? episode, TimeProvider clock) =>
        (new UpdatedAggregate(), [Decide(command, episode, clock.Today())]);

    public static ExerciseDiscontinued Decide(DiscontinueExercise command, Episode? found, DateOnly today)
    {
        var episode = EpisodeRules.Writable(found, command.EpisodeId, command.ExpectedVersion);
        var exercise = ProgramRules.ActiveExercise(episode, command.ExerciseId);
        ProgramRules.EffectiveFor(exercise, command.EffectiveOn, episode, today);
        ProgramRules.EndsAfterLastChange(exercise, command.EffectiveOn);
        return new ExerciseDiscontinued(episode.Id, exercise.Id, ProgramRules.NewChangeId(episode, command.ChangeId),
            Validate.Required(command.Reason, "reason", Validate.LongText), command.EffectiveOn, command.By);
    }
}
