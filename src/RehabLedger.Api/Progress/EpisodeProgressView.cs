using RehabLedger.Episodes;
using RehabLedger.Goals;
using RehabLedger.Outcomes;
using RehabLedger.Sessions;

namespace RehabLedger.Progress;

public sealed record AttendanceSummary(int Attended, int Cancelled, int NoShow, decimal? RatePercent)
{
    /// <summary>Visits used are the sessions attended.</summary>
    public int VisitsUsed => Attended;
}

public sealed record PainPoint(Guid SessionId, DateOnly Date, int? PainBefore, int? PainAfter, int? Rpe);

public sealed record AdverseEventOccurrence(Guid SessionId, DateOnly Date, AdverseEvent Event);

/// <summary>An episode's progress as of a day: every figure of the progress view, derived from the facts.</summary>
public sealed record EpisodeProgressView(
    IReadOnlyList<MeasureTrend> Measures,
    IReadOnlyList<RangeOfMotionTrend> RangeOfMotion,
    IReadOnlyList<MuscleTestTrend> MuscleTests,
    IReadOnlyList<GoalEvaluation> Goals,
    AttendanceSummary Attendance,
    IReadOnlyList<WeeklyAdherence> HomeAdherence,
    IReadOnlyList<PainPoint> PainTrend,
    IReadOnlyList<AdverseEventOccurrence> AdverseEvents)
{
    /// <summary>
    /// Computed from the episode snapshot (assessments, goals, program changes, discharge) and its sessions and home
    /// logs; nothing of it is stored. Entries in error count nowhere. Sessions are ordered by date, ties in recording
    /// order. Adherence runs through today, or through the discharge date once discharged.
    /// </summary>
    public static EpisodeProgressView Of(Episode episode, EpisodeSessions entries, DateOnly today)
    {
        var assessments = episode.StandingAssessments.ToList();
        var sessions = entries.Sessions.Where(s => !s.EnteredInError).OrderBy(s => s.Date).ToList();
        var attended = sessions.Where(s => s.Attendance == RehabLedger.Sessions.Attendance.Attended).ToList();
        var logs = entries.HomeLogs.Where(l => !l.EnteredInError).Select(l => new HomeCompletion(l.Date, l.ExerciseId));

        return new EpisodeProgressView(
            EpisodeTrends.Measures(assessments),
            EpisodeTrends.RangeOfMotion(assessments),
            EpisodeTrends.MuscleTests(assessments),
            GoalProgress.Evaluate(episode.StandingGoals, assessments),
            AttendanceOf(sessions),
            Progress.HomeAdherence.PerWeek(episode.StandingProgramChanges.ToList(), logs, episode.DischargedOn ?? today),
            attended.Select(s => new PainPoint(s.Id, s.Date, s.PainBefore, s.PainAfter, s.Rpe)).ToList(),
            attended.SelectMany(s => s.AdverseEvents.Select(a => new AdverseEventOccurrence(s.Id, s.Date, a))).ToList());
    }

    /// <summary>Attendance rate = attended / (attended + cancelled + no-show), a percentage with one decimal.</summary>
    public static AttendanceSummary AttendanceOf(IReadOnlyCollection<Session> sessions)
    {
        var attended = sessions.Count(s => s.Attendance == RehabLedger.Sessions.Attendance.Attended);
        var cancelled = sessions.Count(s => s.Attendance == RehabLedger.Sessions.Attendance.Cancelled);
        var noShow = sessions.Count(s => s.Attendance == RehabLedger.Sessions.Attendance.NoShow);
        var total = attended + cancelled + noShow;
        decimal? rate = total == 0 ? null : Math.Round(attended * 100m / total, 1, MidpointRounding.AwayFromZero);
        return new AttendanceSummary(attended, cancelled, noShow, rate);
    }
}
