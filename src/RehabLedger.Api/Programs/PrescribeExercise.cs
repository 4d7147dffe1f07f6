using RehabLedger.Common;
using RehabLedger.Episodes;
using Wolverine.Marten;

namespace RehabLedger.Programs;

/// <param name="ExpectedVersion">The episode version the caller last saw; a stale one is refused with CONFLICT.</param>
public sealed record PrescribeExercise(
    Guid EpisodeId,
    long ExpectedVersion,
    Guid ExerciseId,
    Guid ChangeId,
    string Name,
    string? CatalogCode,
    ExerciseCategory Category,
    Dosage Dosage,
    string? Instructions,
    string? Precautions,
    string? Reason,
    DateOnly EffectiveOn,
    ActorRef By) : IEpisodeCommand;

public static class PrescribeExerciseHandler
{
    [AggregateHandler]
    public static (UpdatedAggregate, Events) Handle(PrescribeExercise command, Episode? episode, TimeProvider clock) =>
        (new UpdatedAggregate(), [Decide(command, episode, clock.Today())]);

    public static ExercisePrescribed Decide(PrescribeExercise command, Episode? found, DateOnly today)
    {
        var episode = EpisodeRules.Writable(found, command.EpisodeId, command.ExpectedVersion);
        EpisodeRules.WithinEpisode(command.EffectiveOn, episode, today, "effectiveOn");
        return new ExercisePrescribed(
            episode.Id,
            ProgramRules.NewExerciseId(episode, command.ExerciseId, "id"),
            ProgramRules.NewChangeId(episode, command.ChangeId),
            Validate.Required(command.Name, "name"),
            Validate.Optional(command.CatalogCode, "catalogCode", ProgramRules.MaxCatalogCode),
            ProgramRules.Category(command.Category, "category"),
            DosageRules.Valid(command.Dosage, "dosage"),
            Validate.Optional(command.Instructions, "instructions", Validate.LongText),
            Validate.Optional(command.Precautions, "precautions", Validate.LongText),
            Validate.Optional(command.Reason, "reason", Validate.LongText),
            command.EffectiveOn,
            command.By);
    }
}
