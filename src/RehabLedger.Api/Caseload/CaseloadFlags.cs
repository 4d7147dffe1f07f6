using RehabLedger.PlanOfCare;

namespace RehabLedger.Caseload;

public enum CaseloadFlag
{
    PainWorsening,
    RecentAdverseEvent,
    ReassessmentDue,
    ProgressReportDue,
    CertificationEnding,
    NoRecentAttendance,
}

/// <summary>Where an episode stands on a day, with the figures behind each flag.</summary>
public sealed record CaseloadStatus(
    IReadOnlySet<CaseloadFlag> Flags,
    IReadOnlyList<int> LastThreePains,
    DateOnly? LastAdverseEventOn,
    int DaysSinceAssessment,
    int AttendedSinceProgressReport,
    CertificationState Certification,
    int DaysSinceAttendance);

/// <summary>
/// The dashboard flags (docs/03-read-models.md, CaseloadRow), computed for one day. "Days" are calendar-date differences from today.
/// Entries in error count nowhere.
/// </summary>
public static class CaseloadFlags
{
    public const int AdverseEventWindowDays = 7;
    public const int ReassessmentAfterDays = 30;
    public const int ProgressReportAfterSessions = 10;
    public const int NoAttendanceDays = 14;

    public static CaseloadStatus Evaluate(CaseloadRow row, DateOnly today)
    {
        var attended = row.StandingSessions.Where(s => s.Attended).OrderBy(s => s.Date).ToList();
        var flags = new HashSet<CaseloadFlag>();

        // Pain worsening: the last three attended sessions have strictly increasing pain before the session.
        // A missing pain score breaks the sequence: worsening cannot be shown.
        var lastThree = attended.TakeLast(3).ToList();
        var pains = lastThree.Where(s => s.PainBefore is not null).Select(s => s.PainBefore!.Value).ToList();
        if (lastThree.Count == 3 && pains.Count == 3 && pains[0] < pains[1] && pains[1] < pains[2]) flags.Add(CaseloadFlag.PainWorsening);

        var lastAdverse = attended.Where(s => s.HadAdverseEvent && s.Date <= today).Select(s => (DateOnly?)s.Date).Max();
        if (lastAdverse is { } adverse && Days(adverse, today) <= AdverseEventWindowDays) flags.Add(CaseloadFlag.RecentAdverseEvent);

        var lastAssessment = row.StandingAssessments.Select(a => (DateOnly?)a.Date).Max() ?? row.StartedOn;
        var sinceAssessment = Days(lastAssessment, today);
        if (sinceAssessment > ReassessmentAfterDays) flags.Add(CaseloadFlag.ReassessmentDue);

        // A session on the report's own date is covered by it; without a report, every session counts.
        var lastReport = row.StandingProgressReports.Select(r => (DateOnly?)r.Date).Max();
        var sinceReport = attended.Count(s => lastReport is null || s.Date > lastReport);
        if (sinceReport >= ProgressReportAfterSessions) flags.Add(CaseloadFlag.ProgressReportDue);

        var certification = CertificationStatus.On(row.StandingCertifications, today);
        if (certification.Ending) flags.Add(CaseloadFlag.CertificationEnding);

        var lastAttended = attended.Select(s => (DateOnly?)s.Date).LastOrDefault() ?? row.StartedOn;
        var sinceAttendance = Days(lastAttended, today);
        if (sinceAttendance >= NoAttendanceDays) flags.Add(CaseloadFlag.NoRecentAttendance);

        return new CaseloadStatus(flags, pains, lastAdverse, sinceAssessment, sinceReport, certification, sinceAttendance);
    }

    private static int Days(DateOnly from, DateOnly to) => to.DayNumber - from.DayNumber;
}
