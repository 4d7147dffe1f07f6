using JasperFx.Events;
using RehabLedger.Sessions;

namespace RehabLedger.Episodes;

// The sessions part of the episode aggregate: clinic sessions and home-program logs, in recording order.
public sealed partial class Episode
{
    /// <summary>Every recorded session in recording order, including those later entered in error.</summary>
    public List<Session> Sessions { get; set; } = [];

    /// <summary>Every home-program log in recording order, including those later entered in error.</summary>
    public List<HomeLog> HomeLogs { get; set; } = [];

    /// <summary>Whether an id names a session or a home log of this episode, even one entered in error.</summary>
    public bool SessionEntryIdUsed(Guid entryId) =>
        Sessions.Any(s => s.Id == entryId) || HomeLogs.Any(l => l.Id == entryId);

    /// <summary>
    /// Marks a session or home log as entered in error, for the corrections module to call from its own Apply.
    /// Returns false when the id is not one of this module's entries.
    /// </summary>
    internal bool MarkSessionsEnteredInError(Guid entryId)
    {
        if (Sessions.Find(s => s.Id == entryId) is { } session)
        {
            session.EnteredInError = true;
            return true;
        }
        if (HomeLogs.Find(l => l.Id == entryId) is { } log)
        {
            log.EnteredInError = true;
            return true;
        }
        return false;
    }

    public void Apply(IEvent<SessionRecorded> e)
    {
        var s = e.Data;
        // The name is looked up as the program stood when the session was recorded; the decision made sure the
        // exercise was in it then, and a name never changes (a substitution adds a new exercise).
        var exercises = s.Exercises.Select(x => new SessionExercise(ExerciseName(x.ExerciseId), x)).ToList();
        Sessions.Add(new Session(s.SessionId, s.Date, s.Attendance, s.Minutes, s.TherapistId, s.TherapistName, exercises,
            s.PainBefore, s.PainAfter, s.Rpe, s.AdverseEvents, s.Note, s.By, e.Version));
    }

    public void Apply(IEvent<HomeExerciseLogged> e)
    {
        var l = e.Data;
        HomeLogs.Add(new HomeLog(l.LogId, l.Date, l.ExerciseId, ExerciseName(l.ExerciseId), l.Sets, l.Repetitions, l.Pain,
            l.ReportedBy, l.Note, l.By, e.Version));
    }

    private string ExerciseName(Guid exerciseId) => SessionHistory.ExerciseName(ProgramChanges, exerciseId);
}
