using GraphQL;
using System.ComponentModel;
using RehabLedger.Episodes;
using RehabLedger.Goals;
using RehabLedger.Outcomes;
using RehabLedger.Sessions;

namespace RehabLedger.Progress;

[Description("Sessions attended, cancelled and missed.")]
public sealed record AttendanceSummary(
    [property: Description("Sessions attended.")] int Attended,
    [property: Description("Sessions cancelled.")] int Cancelled,
    [property: Description("Sessions the patient missed without cancelling.")] int NoShow,
    [property: Description("attended / (attended + cancelled + no-show) x 100, one decimal; null without sessions.")] decimal? RatePercent)
{
    /// <summary>Visits used are the sessions attended.</summary>
    [Description("Sessions attended.")]
    public int VisitsUsed => Attended;
}

[Description("Pain and exertion of one attended session.")]
public sealed record PainPoint(
    [property: Description("The session.")] Guid SessionId,
    [property: Description("The session's date.")] DateOnly Date,
    [property: Description("NPRS 0-10 before the session.")] int? PainBefore,
    [property: Description("NPRS 0-10 after the session.")] int? PainAfter,
    [property: Description("Session exertion, 0-10.")] int? Rpe);

[Description("An adverse event and the session it happened in.")]
public sealed record AdverseEventOccurrence(
    [property: Description("The session.")] Guid SessionId,
    [property: Description("The session's date.")] DateOnly Date,
    [property: Description("What happened.")] AdverseEvent Event);

/// <summary>An episode's progress as of a day: every figure of the progress view, derived from the facts.</summary>
[Name("EpisodeProgress")]
[Description("How the patient is progressing, computed from the episode's facts for the service's today. Entries in error count nowhere.")]
public sealed record EpisodeProgressView(
    [property: Description("Each outcome measure from assessments: baseline, latest, series, change, percent change and MCID verdict.")]
    IReadOnlyList<MeasureTrend> Measures,
    [property: Description("Each joint, motion and side measured: baseline, latest and change.")] IReadOnlyList<RangeOfMotionTrend> RangeOfMotion,
    [property: Description("Each muscle group and side tested: baseline, latest and change.")] IReadOnlyList<MuscleTestTrend> MuscleTests,
    [property: Description("The episode's goals with their progress.")] IReadOnlyList<GoalEvaluation> Goals,
    [property: Description("Sessions attended, cancelled and missed.")] AttendanceSummary Attendance,
    [property: Description("Per calendar week, through today (or the discharge date).")] IReadOnlyList<WeeklyAdherence> HomeAdherence,
    [property: Description("Pain before and after each attended session, by date. Separate from the NPRS outcome series, which comes from assessments.")]
    IReadOnlyList<PainPoint> PainTrend,
    [property: Description("Adverse events of attended sessions.")] IReadOnlyList<AdverseEventOccurrence> AdverseEvents)
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
