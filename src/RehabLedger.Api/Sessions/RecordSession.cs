using Marten;
using RehabLedger.Clinics;
using RehabLedger.Common;
using RehabLedger.Episodes;
using RehabLedger.Programs;
using Wolverine.Marten;

namespace RehabLedger.Sessions;

/// <param name="ExpectedVersion">The episode version the caller last saw; a stale one is refused with CONFLICT.</param>
/// <param name="TherapistId">Who ran the session; the episode's assigned therapist when not given.</param>
public sealed record RecordSession(
    Guid EpisodeId,
    long ExpectedVersion,
    Guid SessionId,
    DateOnly Date,
    Attendance Attendance,
    int? Minutes,
    Guid? TherapistId,
    IReadOnlyList<PerformedExercise> Exercises,
    int? PainBefore,
    int? PainAfter,
    int? Rpe,
    IReadOnlyList<AdverseEvent> AdverseEvents,
    string? Note,
    ActorRef By) : IEpisodeCommand;

public static class RecordSessionHandler
{
    /// <summary>Wolverine loads the episode first, so the default therapist is known here.</summary>
    public static Task<Therapist?> LoadAsync(RecordSession command, Episode? episode, IDocumentSession session, CancellationToken ct) =>
        (command.TherapistId ?? episode?.TherapistId) is { } therapistId
            ? session.LoadAsync<Therapist>(therapistId, ct)
            : Task.FromResult<Therapist?>(null);

    [AggregateHandler]
    public static (UpdatedAggregate, Events) Handle(RecordSession command, Episode? episode, Therapist? therapist, TimeProvider clock) =>
        (new UpdatedAggregate(), [Decide(command, episode, therapist, clock.Today())]);

    /// <param name="therapist">The therapist named by the command, or the episode's when it names none.</param>
    public static SessionRecorded Decide(RecordSession command, Episode? found, Therapist? therapist, DateOnly today)
    {
        var episode = EpisodeRules.Writable(found, command.EpisodeId, command.ExpectedVersion);
        var sessionId = EpisodeRules.NewEntryId(episode, command.SessionId, "id", "session");

        var therapistId = command.TherapistId ?? episode.TherapistId;
        // A therapist of another clinic is answered like an unknown id, so ids cannot be probed across clinics.
        if (therapist is null || therapist.Id != therapistId || therapist.ClinicId != episode.ClinicId)
            throw ClinicalRuleViolation.NotFound("therapist", therapistId, "therapistId");
        Validate.That(Enum.IsDefined(command.Attendance), "attendance", "attendance is not a known value.");
        EpisodeRules.WithinEpisode(command.Date, episode, today, "date");

        var minutes = command.Attendance == Attendance.Attended ? AttendedMinutes(command) : NothingHappened(command);
        var exercises = ValidExercises(command.Exercises, episode, command.Date);
        SessionRules.Optional(command.PainBefore, 0, SessionRules.MaxPain, "painBefore");
        SessionRules.Optional(command.PainAfter, 0, SessionRules.MaxPain, "painAfter");
        SessionRules.Optional(command.Rpe, 0, DosageRules.MaxRpe, "rpe");
        var adverseEvents = ValidAdverseEvents(command.AdverseEvents);
        var note = Validate.Optional(command.Note, "note", Validate.LongText);

        return new SessionRecorded(episode.Id, sessionId, command.Date, command.Attendance, minutes, therapist.Id, therapist.DisplayName,
            exercises, command.PainBefore, command.PainAfter, command.Rpe, adverseEvents, note, command.By);
    }

    private static int AttendedMinutes(RecordSession command)
    {
        Validate.That(command.Minutes is not null, "minutes", "An attended session needs its minutes.");
        SessionRules.Between(command.Minutes!.Value, 1, SessionRules.MaxMinutes, "minutes");
        return command.Minutes.Value;
    }

    /// <summary>A cancelled or missed session records that it did not happen, and nothing of what happens in one.</summary>
    private static int NothingHappened(RecordSession command)
    {
        var what = command.Attendance == Attendance.Cancelled ? "A cancelled session" : "A no-show";
        Validate.That(command.Minutes is null or 0, "minutes", $"{what} has no minutes.");
        Validate.That(command.Exercises.Count == 0, "exercises", $"{what} has no exercises performed.");
        Validate.That(command.PainBefore is null, "painBefore", $"{what} has no pain rating.");
        Validate.That(command.PainAfter is null, "painAfter", $"{what} has no pain rating.");
        Validate.That(command.Rpe is null, "rpe", $"{what} has no exertion rating.");
        Validate.That(command.AdverseEvents.Count == 0, "adverseEvents", $"{what} has no adverse events.");
        return 0;
    }

    private static List<PerformedExercise> ValidExercises(IReadOnlyList<PerformedExercise> exercises, Episode episode, DateOnly date)
    {
        Validate.That(exercises.Count <= SessionRules.MaxEntries, "exercises", $"At most {SessionRules.MaxEntries} exercises per session.");
        if (exercises.Count == 0) return [];
        var programOnDate = episode.ProgramOn(date);
        var seen = new HashSet<Guid>();
        return exercises.Select((x, i) =>
        {
            var field = $"exercises[{i}]";
            var exercise = SessionRules.InProgramOn(programOnDate, episode.Program, x.ExerciseId, date, $"{field}.exerciseId");
            Validate.That(exercise.EndedOn is null || exercise.EndedOn >= date, $"{field}.exerciseId",
                $"{exercise.Name} ended on {exercise.EndedOn:yyyy-MM-dd}, before {date:yyyy-MM-dd}.");
            Validate.That(seen.Add(exercise.Id), $"{field}.exerciseId", $"{exercise.Name} appears more than once in this session.");
            return SessionRules.ValidPerformed(x, field);
        }).ToList();
    }

    private static List<AdverseEvent> ValidAdverseEvents(IReadOnlyList<AdverseEvent> events)
    {
        Validate.That(events.Count <= SessionRules.MaxEntries, "adverseEvents", $"At most {SessionRules.MaxEntries} adverse events per session.");
        return events.Select((a, i) =>
        {
            var field = $"adverseEvents[{i}]";
            var description = Validate.Required(a.Description, $"{field}.description", Validate.LongText);
            Validate.That(Enum.IsDefined(a.Severity), $"{field}.severity", "severity is not a known value.");
            var action = Validate.Required(a.ActionTaken, $"{field}.actionTaken", Validate.LongText);
            return new AdverseEvent(description, a.Severity, action);
        }).ToList();
    }
}
