using RehabLedger.Common;
using RehabLedger.Corrections;
using RehabLedger.Episodes;
using RehabLedger.Programs;

namespace RehabLedger.Sessions;

/// <summary>A session as it is read. <see cref="RecordedVersion"/> is the stream version that recorded it.</summary>
public sealed record Session(
    Guid Id,
    DateOnly Date,
    Attendance Attendance,
    int Minutes,
    Guid TherapistId,
    string TherapistName,
    IReadOnlyList<SessionExercise> Exercises,
    int? PainBefore,
    int? PainAfter,
    int? Rpe,
    IReadOnlyList<AdverseEvent> AdverseEvents,
    string? Note,
    ActorRef By,
    long RecordedVersion)
{
    /// <summary>Set when a correction marked the session as entered in error; it then counts nowhere.</summary>
    public bool EnteredInError { get; set; }
}

/// <summary>A performed exercise with the name it has in the program.</summary>
public sealed record SessionExercise(string Name, PerformedExercise Achieved);

/// <summary>A home-program log as it is read.</summary>
public sealed record HomeLog(
    Guid Id,
    DateOnly Date,
    Guid ExerciseId,
    string ExerciseName,
    int Sets,
    int? Repetitions,
    int? Pain,
    HomeLogReporter ReportedBy,
    string? Note,
    ActorRef By,
    long RecordedVersion)
{
    /// <summary>Set when a correction marked the log as entered in error; it then counts nowhere.</summary>
    public bool EnteredInError { get; set; }
}

/// <summary>An episode's sessions and home logs as read, in recording order, each flagged when entered in error.</summary>
public sealed record EpisodeSessions(IReadOnlyList<Session> Sessions, IReadOnlyList<HomeLog> HomeLogs)
{
    public static readonly EpisodeSessions None = new([], []);

    /// <summary>
    /// Joins an episode's entry documents with what the episode knows of them: the names the program gives their
    /// exercises, and which entries a correction has marked. Documents of another episode are ignored.
    /// </summary>
    public static EpisodeSessions Of(Episode episode, IEnumerable<RecordedSession> sessions, IEnumerable<RecordedHomeLog> logs)
    {
        var inError = episode.EnteredInError;
        string NameOf(Guid exerciseId) => SessionHistory.ExerciseName(episode.ProgramChanges, exerciseId);

        return new EpisodeSessions(
            sessions.Where(d => d.EpisodeId == episode.Id).OrderBy(d => d.Version).Select(d =>
            {
                var s = d.Entry;
                var exercises = s.Exercises.Select(x => new SessionExercise(NameOf(x.ExerciseId), x)).ToList();
                return new Session(s.SessionId, s.Date, s.Attendance, s.Minutes, s.TherapistId, s.TherapistName, exercises,
                    s.PainBefore, s.PainAfter, s.Rpe, s.AdverseEvents, s.Note, s.By, d.Version) { EnteredInError = inError.Contains(EntryKind.Session, s.SessionId) };
            }).ToList(),
            logs.Where(d => d.EpisodeId == episode.Id).OrderBy(d => d.Version).Select(d =>
            {
                var l = d.Entry;
                return new HomeLog(l.LogId, l.Date, l.ExerciseId, NameOf(l.ExerciseId), l.Sets, l.Repetitions, l.Pain,
                    l.ReportedBy, l.Note, l.By, d.Version) { EnteredInError = inError.Contains(EntryKind.HomeLog, l.LogId) };
            }).ToList());
    }
}

/// <summary>How the episode's sessions and home logs are read: entries in error hidden, newest first.</summary>
public static class SessionHistory
{
    /// <summary>
    /// Newest first: by date descending, and on the same date the later recorded first, which is exactly the
    /// reverse of the chronological order (date, then recording order) the series use.
    /// </summary>
    public static IReadOnlyList<Session> NewestFirst(IEnumerable<Session> sessions) =>
        sessions.Where(s => !s.EnteredInError)
            .OrderByDescending(s => s.Date).ThenByDescending(s => s.RecordedVersion)
            .ToList();

    /// <inheritdoc cref="NewestFirst(IEnumerable{Session})"/>
    public static IReadOnlyList<HomeLog> NewestFirst(IEnumerable<HomeLog> logs) =>
        logs.Where(l => !l.EnteredInError)
            .OrderByDescending(l => l.Date).ThenByDescending(l => l.RecordedVersion)
            .ToList();

    /// <summary>
    /// An exercise's name as the program recorded it, from its prescription or the substitution that introduced
    /// it. A name is a historical fact, so a change later entered in error still names its exercise.
    /// </summary>
    public static string ExerciseName(IEnumerable<ProgramChange> changes, Guid exerciseId)
    {
        var introduced = changes.LastOrDefault(c =>
            (c.Kind == ProgramChangeKind.Prescribed && c.ExerciseId == exerciseId) ||
            (c.Kind == ProgramChangeKind.Substitution && c.ReplacementExerciseId == exerciseId));
        // Decisions only accept exercises of the program, so the fallback serves damaged data, not normal use:
        // reading an episode should never fail over a missing name.
        return introduced?.Name ?? $"Exercise {exerciseId}";
    }
}
