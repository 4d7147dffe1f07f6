using System.ComponentModel;
using RehabLedger.Common;
using RehabLedger.GraphQL;

namespace RehabLedger.Programs;

// The API's own records: derived into input types (GraphQL/DerivedTypes.cs), kept apart from the stored Dosage so
// either can change without the other.

[Description("Limits: sets 1-20, repetitions 1-500, hold 1-600 s, load up to 300 kg / 660 lb (or a band), " +
             "duration 1-240 min, 1-21 times a week, target RPE 0-10; repetitions, hold or duration required.")]
public sealed record DosageInput(
    [property: Description("Sets a time.")] int Sets,
    [property: Description("Repetitions in each set.")] int? Repetitions,
    [property: Description("Seconds each repetition is held.")] int? HoldSeconds,
    [property: Description("With loadUnit; or give a band instead.")] decimal? Load,
    [property: Description("The unit of load.")] LoadUnit? LoadUnit,
    [property: Description("A resistance band, instead of a load.")] ResistanceBand? Band,
    [property: Description("Minutes, for a timed exercise.")] int? DurationMinutes,
    [property: Description("Times a week.")] int FrequencyPerWeek,
    [property: Description("The exertion aimed for, 0-10.")] int? TargetRpe,
    [property: Description("Where the exercise is done: in the clinic or at home.")] ExerciseSetting Setting)
{
    public Dosage ToValue() => new(Sets, Repetitions, HoldSeconds, Load, LoadUnit, Band, DurationMinutes, FrequencyPerWeek, TargetRpe, Setting);
}

[Description("An exercise to add to the program.")]
public sealed record ExerciseInput(
    [property: Description("Optional client-chosen exercise id; never reused within an episode.")] Guid? Id,
    [property: Description("The exercise's name in the program.")] string Name,
    [property: Description("The exercise's code in a catalogue, if any.")] string? CatalogCode,
    [property: Description("What kind of exercise it is.")] ExerciseCategory Category,
    [property: Description("The prescribed dosage.")] DosageInput Dosage,
    [property: Description("How to do it, for the patient.")] string? Instructions,
    [property: Description("What to watch out for.")] string? Precautions);

[Description("An exercise to prescribe.")]
public sealed record PrescribeExerciseInput(
    [property: Description(Describe.Episode)] Guid EpisodeId,
    [property: Description(Describe.ExpectedEpisodeVersion)] long ExpectedVersion,
    [property: Description("The exercise and its dosage.")] ExerciseInput Exercise,
    [property: Description("Why it is prescribed.")] string? Reason,
    [property: Description("When the prescription takes effect.")] DateOnly EffectiveOn)
{
    public PrescribeExercise ToCommand(ActorRef by) => new(EpisodeId, ExpectedVersion, RequestContext.NewId(Exercise.Id), Guid.CreateVersion7(),
        Exercise.Name, Exercise.CatalogCode, Exercise.Category, Exercise.Dosage.ToValue(), Exercise.Instructions, Exercise.Precautions,
        Reason, EffectiveOn, by);
}

[Description("A change of an active exercise's dosage.")]
public sealed record AdjustDosageInput(
    [property: Description(Describe.Episode)] Guid EpisodeId,
    [property: Description(Describe.ExpectedEpisodeVersion)] long ExpectedVersion,
    [property: Description("An active exercise of the program.")] Guid ExerciseId,
    [property: Description("Progression, regression or modification.")] AdjustmentKind Kind,
    [property: Description("The whole dosage after the change.")] DosageInput Dosage,
    [property: Description("Why the dosage changes.")] string Reason,
    [property: Description("When the change takes effect.")] DateOnly EffectiveOn)
{
    public AdjustDosage ToCommand(ActorRef by) =>
        new(EpisodeId, ExpectedVersion, ExerciseId, Guid.CreateVersion7(), Kind, Dosage.ToValue(), Reason, EffectiveOn, by);
}

[Description("An active exercise to replace with another.")]
public sealed record SubstituteExerciseInput(
    [property: Description(Describe.Episode)] Guid EpisodeId,
    [property: Description(Describe.ExpectedEpisodeVersion)] long ExpectedVersion,
    [property: Description("The active exercise to replace.")] Guid ExerciseId,
    [property: Description("The exercise that takes its place.")] ExerciseInput Replacement,
    [property: Description("Why it is replaced.")] string Reason,
    [property: Description("When the replacement takes effect.")] DateOnly EffectiveOn)
{
    public SubstituteExercise ToCommand(ActorRef by) => new(EpisodeId, ExpectedVersion, ExerciseId, Guid.CreateVersion7(),
        RequestContext.NewId(Replacement.Id), Replacement.Name, Replacement.CatalogCode, Replacement.Category, Replacement.Dosage.ToValue(),
        Replacement.Instructions, Replacement.Precautions, Reason, EffectiveOn, by);
}

[Description("An active exercise to end.")]
public sealed record DiscontinueExerciseInput(
    [property: Description(Describe.Episode)] Guid EpisodeId,
    [property: Description(Describe.ExpectedEpisodeVersion)] long ExpectedVersion,
    [property: Description("The active exercise to end.")] Guid ExerciseId,
    [property: Description("Why it ends.")] string Reason,
    [property: Description("When it ends.")] DateOnly EffectiveOn)
{
    public DiscontinueExercise ToCommand(ActorRef by) =>
        new(EpisodeId, ExpectedVersion, ExerciseId, Guid.CreateVersion7(), Reason, EffectiveOn, by);
}
