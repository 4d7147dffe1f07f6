using RehabLedger.Common;
using RehabLedger.Episodes;
using RehabLedger.Programs;
using Wolverine.Marten;

namespace RehabLedger.Sessions;

/// <param name="ExpectedVersion">The episode version the caller last saw; a stale one is refused with CONFLICT.</param>
public sealed record LogHomeExercise(
    Guid EpisodeId,
    long ExpectedVersion,
    Guid LogId,
    DateOnly Date,
    Guid ExerciseId,
    int Sets,
    int? Repetitions,
    int? Pain,
    HomeLogReporter ReportedBy,
    string? Note,
    ActorRef By) : IEpisodeCommand;

public static class LogHomeExerciseHandler
{
    [AggregateHandler]
    public static (UpdatedAggregate, Events) Handle(LogHomeExercise command, Episode? episode, TimeProvider clock) =>
        (new UpdatedAggregate(), [Decide(command, episode, clock.Today())]);

    public static HomeExerciseLogged Decide(LogHomeExercise command, Episode? found, DateOnly today)
    {
        var episode = EpisodeRules.Writable(found, command.EpisodeId, command.ExpectedVersion);
        var logId = EpisodeRules.NewEntryId(episode, command.LogId, "id", "home log");
        EpisodeRules.WithinEpisode(command.Date, episode, today, "date");

        var programOnDate = episode.ProgramOn(command.Date);
        var exercise = SessionRules.InProgramOn(programOnDate, episode.Program, command.ExerciseId, command.Date, "exerciseId");
        Validate.That(exercise.Status == ExerciseStatus.Active, "exerciseId",
            $"{exercise.Name} was {exercise.Status.ToString().ToLowerInvariant()} on {exercise.EndedOn:yyyy-MM-dd}; it was not active on {command.Date:yyyy-MM-dd}.");
        Validate.That(exercise.Dosage.Setting == ExerciseSetting.Home, "exerciseId",
            $"{exercise.Name} was prescribed for the clinic on {command.Date:yyyy-MM-dd}, not for the home program.");

        SessionRules.Between(command.Sets, 1, DosageRules.MaxSets, "sets");
        SessionRules.Optional(command.Repetitions, 0, DosageRules.MaxRepetitions, "repetitions");
        SessionRules.Optional(command.Pain, 0, SessionRules.MaxPain, "pain");
        Validate.That(Enum.IsDefined(command.ReportedBy), "reportedBy", "reportedBy is not a known value.");

        return new HomeExerciseLogged(episode.Id, logId, command.Date, exercise.Id, command.Sets, command.Repetitions, command.Pain,
            command.ReportedBy, Validate.Optional(command.Note, "note"), command.By);
    }
}
