using RehabLedger.Episodes;
using RehabLedger.Programs;

namespace RehabLedger.Portal;

/// <summary>
/// An episode as its patient sees it: what is treated, and the exercises to do now. Built for the patient, so it
/// holds no clinical notes, assessments, reasons for changes or anything about other people.
/// </summary>
public sealed record MyEpisode(Guid Id, long Version, EpisodeStatus Status, DateOnly StartedOn, DateOnly? DischargedOn,
    string Condition, string BodyRegion, IReadOnlyList<MyExercise> Exercises)
{
    public static MyEpisode Of(Episode episode) => new(
        episode.Id, episode.Version, episode.Status, episode.StartedOn, episode.DischargedOn,
        episode.Condition.Description, episode.Condition.BodyRegion,
        episode.Program.Where(x => x.Status == ExerciseStatus.Active).Select(MyExercise.Of).ToList());
}

/// <summary>An active exercise of the patient's program: what to do, how much, and what to watch out for.</summary>
public sealed record MyExercise(Guid Id, string Name, ExerciseCategory Category, Dosage Dosage, string? Instructions,
    string? Precautions, DateOnly DosageSince)
{
    public static MyExercise Of(ProgramExercise x) => new(x.Id, x.Name, x.Category, x.Dosage, x.Instructions, x.Precautions, x.DosageSince);
}
