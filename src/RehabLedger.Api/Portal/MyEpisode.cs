using System.ComponentModel;
using RehabLedger.Episodes;
using RehabLedger.Programs;

namespace RehabLedger.Portal;

/// <summary>
/// An episode as its patient sees it: what is treated, and the exercises to do now. Built for the patient, so it
/// holds no clinical notes, assessments, reasons for changes or anything about other people.
/// </summary>
[Description("One of your episodes of care and the exercises your program holds now.")]
public sealed record MyEpisode(
    [property: Description("The episode's id.")] Guid Id,
    [property: Description("Pass it as expectedVersion when logging a home exercise.")] long Version,
    [property: Description("Open or discharged.")] EpisodeStatus Status,
    [property: Description("The first day of care.")] DateOnly StartedOn,
    [property: Description("The day of discharge; null while the episode is open.")] DateOnly? DischargedOn,
    [property: Description("The condition treated, in words.")] string Condition,
    [property: Description("The body region treated.")] string BodyRegion,
    [property: Description("The active exercises, clinic and home.")] IReadOnlyList<MyExercise> Exercises)
{
    public static MyEpisode Of(Episode episode) => new(
        episode.Id, episode.Version, episode.Status, episode.StartedOn, episode.DischargedOn,
        episode.Condition.Description, episode.Condition.BodyRegion,
        episode.Program.Where(x => x.Status == ExerciseStatus.Active).Select(MyExercise.Of).ToList());
}

/// <summary>An active exercise of the patient's program: what to do, how much, and what to watch out for.</summary>
[Description("An active exercise of your program: what to do, how much, and what to watch out for.")]
public sealed record MyExercise(
    [property: Description("Pass it as exerciseId when logging a home exercise.")] Guid Id,
    [property: Description("The exercise's name.")] string Name,
    [property: Description("What kind of exercise it is.")] ExerciseCategory Category,
    [property: Description("How much to do, and where.")] Dosage Dosage,
    [property: Description("How to do it.")] string? Instructions,
    [property: Description("What to watch out for.")] string? Precautions,
    [property: Description("Since when this dosage holds.")] DateOnly DosageSince)
{
    public static MyExercise Of(ProgramExercise x) => new(x.Id, x.Name, x.Category, x.Dosage, x.Instructions, x.Precautions, x.DosageSince);
}
