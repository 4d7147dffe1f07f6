using RehabLedger.Common;
using RehabLedger.Episodes;

namespace RehabLedger.Programs;

/// <summary>Rules shared by the program commands.</summary>
public static class ProgramRules
{
    public const int MaxCatalogCode = 40;

    /// <summary>The exercise exists and is still in the program: ended exercises cannot change.</summary>
    public static ProgramExercise ActiveExercise(Episode episode, Guid exerciseId)
    {
        var exercise = episode.FindExercise(exerciseId)
            ?? throw ClinicalRuleViolation.NotFound("exercise in this episode's program", exerciseId, "exerciseId");
        Validate.That(exercise.Status == ExerciseStatus.Active, "exerciseId",
            $"{exercise.Name} was {exercise.Status.ToString().ToLowerInvariant()} on {exercise.EndedOn:yyyy-MM-dd}; an ended exercise cannot be changed.");
        return exercise;
    }

    /// <summary>A change takes effect inside the episode and not before the exercise was prescribed.</summary>
    public static void EffectiveFor(ProgramExercise exercise, DateOnly effectiveOn, Episode episode, DateOnly today)
    {
        EpisodeRules.WithinEpisode(effectiveOn, episode, today, "effectiveOn");
        Validate.That(effectiveOn >= exercise.PrescribedOn, "effectiveOn",
            $"effectiveOn {effectiveOn:yyyy-MM-dd} is before {exercise.Name} was prescribed on {exercise.PrescribedOn:yyyy-MM-dd}.");
    }

    /// <summary>An exercise ends on or after its last change, or the history would contradict itself.</summary>
    public static void EndsAfterLastChange(ProgramExercise exercise, DateOnly effectiveOn) =>
        Validate.That(effectiveOn >= exercise.LastChange.EffectiveOn, "effectiveOn",
            $"effectiveOn {effectiveOn:yyyy-MM-dd} is before the last change to {exercise.Name} on {exercise.LastChange.EffectiveOn:yyyy-MM-dd}.");

    /// <summary>Ids of exercises are never reused within an episode, so history stays unambiguous.</summary>
    public static Guid NewExerciseId(Episode episode, Guid id, string field) => EpisodeRules.NewEntryId(episode, id, field, "exercise");

    /// <summary>
    /// The service chooses a change's id (a version 7 UUID), yet it must name nothing else of the episode either: a
    /// correction names a change by it.
    /// </summary>
    public static Guid NewChangeId(Episode episode, Guid id) => EpisodeRules.NewEntryId(episode, id, FieldPath.Command, "program change");

    public static ExerciseCategory Category(ExerciseCategory category, string field)
    {
        Validate.That(Enum.IsDefined(category), field, "category is not a known value.");
        return category;
    }
}
