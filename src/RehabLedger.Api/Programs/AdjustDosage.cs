using RehabLedger.Common;
using RehabLedger.Episodes;
using Wolverine.Marten;

namespace RehabLedger.Programs;

/// <param name="Dosage">The whole dosage after the change; at least one parameter must differ.</param>
public sealed record AdjustDosage(
    Guid EpisodeId,
    long ExpectedVersion,
    Guid ExerciseId,
    Guid ChangeId,
    AdjustmentKind Kind,
    Dosage Dosage,
    string Reason,
    DateOnly EffectiveOn,
    ActorRef By) : IEpisodeCommand;

public static class AdjustDosageHandler
{
    [AggregateHandler]
    public static (UpdatedAggregate, Events) Handle(AdjustDosage command, Episode? episode, TimeProvider clock) =>
        (new UpdatedAggregate(), [Decide(command, episode, clock.Today())]);

    public static ExerciseDosageAdjusted Decide(AdjustDosage command, Episode? found, DateOnly today)
    {
        var episode = EpisodeRules.Writable(found, command.EpisodeId, command.ExpectedVersion);
        var exercise = ProgramRules.ActiveExercise(episode, command.ExerciseId);
        ProgramRules.EffectiveFor(exercise, command.EffectiveOn, episode, today);
        Validate.That(Enum.IsDefined(command.Kind), "kind", "kind is not a known adjustment kind.");
        var reason = Validate.Required(command.Reason, "reason", Validate.LongText);
        var to = DosageRules.Valid(command.Dosage, "dosage");

        // "From" is the dosage in force on the effective date, so a back-dated change reads correctly.
        var from = episode.ProgramOn(command.EffectiveOn)
            .Single(x => x.Id == exercise.Id).Dosage;
        Validate.That(DosageRules.Differences(from, to).Count > 0, "dosage",
            $"The dosage of {exercise.Name} on {command.EffectiveOn:yyyy-MM-dd} already is this one; an adjustment must change at least one parameter.");

        return new ExerciseDosageAdjusted(episode.Id, exercise.Id, ProgramRules.NewChangeId(episode, command.ChangeId), command.Kind, from, to, reason,
            command.EffectiveOn, command.By);
    }
}
