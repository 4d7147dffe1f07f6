using RehabLedger.Common;
using RehabLedger.Episodes;
using Wolverine.Marten;

namespace RehabLedger.Programs;

public sealed record SubstituteExercise(
    Guid EpisodeId,
    long ExpectedVersion,
    Guid ExerciseId,
    Guid ChangeId,
    Guid ReplacementExerciseId,
    string Name,
    string? CatalogCode,
    ExerciseCategory Category,
    Dosage Dosage,
    string? Instructions,
    string? Precautions,
    string Reason,
    DateOnly EffectiveOn,
    ActorRef By) : IEpisodeCommand;

public static class SubstituteExerciseHandler
{
    [AggregateHandler]
    public static (UpdatedAggregate, Events) Handle(SubstituteExercise command, Episode? episode, TimeProvider clock) =>
        (new UpdatedAggregate(), [Decide(command, episode, clock.Today())]);

    public static ExerciseSubstituted Decide(SubstituteExercise command, Episode? found, DateOnly today)
    {
        var episode = EpisodeRules.Writable(found, command.EpisodeId, command.ExpectedVersion);
        var exercise = ProgramRules.ActiveExercise(episode, command.ExerciseId);
        ProgramRules.EffectiveFor(exercise, command.EffectiveOn, episode, today);
        ProgramRules.EndsAfterLastChange(exercise, command.EffectiveOn);
        return new ExerciseSubstituted(
            episode.Id,
            exercise.Id,
            ProgramRules.NewChangeId(episode, command.ChangeId),
            ProgramRules.NewExerciseId(episode, command.ReplacementExerciseId, "replacement.id"),
            Validate.Required(command.Name, "replacement.name"),
            Validate.Optional(command.CatalogCode, "replacement.catalogCode", ProgramRules.MaxCatalogCode),
            ProgramRules.Category(command.Category, "replacement.category"),
            DosageRules.Valid(command.Dosage, "replacement.dosage"),
            Validate.Optional(command.Instructions, "replacement.instructions", Validate.LongText),
            Validate.Optional(command.Precautions, "replacement.precautions", Validate.LongText),
            Validate.Required(command.Reason, "reason", Validate.LongText),
            command.EffectiveOn,
            command.By);
    }
}
