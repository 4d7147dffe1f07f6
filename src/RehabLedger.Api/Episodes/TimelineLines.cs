using System.Globalization;
using RehabLedger.Common;
using RehabLedger.Corrections;
using RehabLedger.Goals;
using RehabLedger.PlanOfCare;
using RehabLedger.Programs;
using RehabLedger.Sessions;

namespace RehabLedger.Episodes;

/// <summary>
/// How one event reads on the timeline: its one-line summary, effective date and actor, the entry it is about,
/// and the label a later correction uses to name that entry (none when the event keeps the entry's label).
/// </summary>
public sealed record TimelineLine(string Summary, DateOnly? EffectiveOn, ActorRef? By, Guid? EntryId = null, string? Label = null);

/// <summary>
/// The readable line of every episode event. Text is built with the invariant culture and ISO dates, so the
/// same events give the same words on every server and in every rebuild.
/// </summary>
public static class TimelineLines
{
    public static TimelineLine Describe(EpisodeTimeline t, object data) => data switch
    {
        EpisodeOpened e => new($"Episode opened for {e.Condition.Icd10Code} {e.Condition.Description}", e.EffectiveOn, e.By),
        AssessmentRecorded e => new($"{AssessmentName(e.Kind)} by {e.AssessorName}: {DescribeMeasures(e)}", e.EffectiveOn, e.By,
            e.AssessmentId, $"{AssessmentName(e.Kind).ToLowerInvariant()} of {Day(e.EffectiveOn)}"),
        EpisodeDischarged e => new($"Discharged: {e.Reason}", e.EffectiveOn, e.By),

        ExercisePrescribed e => new($"Prescribed {e.Name}", e.EffectiveOn, e.By,
            e.ChangeId, $"prescription of {e.Name} on {Day(e.EffectiveOn)}"),
        ExerciseDosageAdjusted e => new($"{e.Kind} of {t.NameOf(e.ExerciseId)}: {DescribeChanges(e)}; {e.Reason}", e.EffectiveOn, e.By,
            e.ChangeId, $"{e.Kind.ToString().ToLowerInvariant()} of {t.NameOf(e.ExerciseId)} on {Day(e.EffectiveOn)}"),
        ExerciseSubstituted e => new($"Substituted {t.NameOf(e.ExerciseId)} with {e.Name}: {e.Reason}", e.EffectiveOn, e.By,
            e.ChangeId, $"substitution of {t.NameOf(e.ExerciseId)} with {e.Name} on {Day(e.EffectiveOn)}"),
        ExerciseDiscontinued e => new($"Discontinued {t.NameOf(e.ExerciseId)}: {e.Reason}", e.EffectiveOn, e.By,
            e.ChangeId, $"discontinuation of {t.NameOf(e.ExerciseId)} on {Day(e.EffectiveOn)}"),

        GoalSet e => new($"Goal set: {e.Description}{DescribeTarget(e)}", e.EffectiveOn, e.By,
            e.GoalId, $"goal \"{e.Description}\""),
        GoalRevised e => new($"Goal \"{t.GoalNameOf(e.GoalId)}\" revised: {DescribeChanges(e.Changes)}; {e.Reason}", e.EffectiveOn, e.By,
            e.GoalId, $"goal \"{e.Description}\""),
        GoalStatusSet e => new($"Goal \"{t.GoalNameOf(e.GoalId)}\" {StatusWords(e.Status)}{(e.Note is null ? "" : $": {e.Note}")}",
            e.EffectiveOn, e.By, e.GoalId),
        ProgressReportIssued e => new(DescribeReport(t, e), e.EffectiveOn, e.By,
            e.ReportId, $"progress report of {Day(e.EffectiveOn)}"),

        SessionRecorded e => new(DescribeSession(t, e), e.Date, e.By,
            e.SessionId, $"{SessionName(e.Attendance)} of {Day(e.Date)}"),
        HomeExerciseLogged e => new(DescribeHomeLog(t, e), e.Date, e.By,
            e.LogId, $"home log of {t.NameOf(e.ExerciseId)} on {Day(e.Date)}"),

        PlanOfCareCertified e => new($"Plan of care certified {Day(e.EffectiveOn)} to {Day(e.EndsOn)} by {e.Physician.Name}", e.EffectiveOn, e.By,
            e.CertificationId, $"certification {Day(e.EffectiveOn)} to {Day(e.EndsOn)}"),

        EntryEnteredInError e => new($"{Capitalized(LabelOf(t, e))} marked entered in error: {e.Reason}", e.EffectiveOn, e.By, e.EntryId),

        // Unreachable for the types in EpisodeStream.EventTypes (a test describes each); never fails a projection.
        _ => new(data.GetType().Name, null, null),
    };

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Capitalized(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static string AssessmentName(AssessmentKind kind) => kind switch
    {
        AssessmentKind.Initial => "Initial assessment",
        AssessmentKind.ReAssessment => "Re-assessment",
        AssessmentKind.Discharge => "Discharge assessment",
        _ => $"{kind} assessment",
    };

    private static string DescribeMeasures(AssessmentRecorded e)
    {
        var parts = e.Measures.Select(m => $"{m.Code} {Number(m.Value)}").ToList();
        if (e.RangeOfMotion.Count > 0) parts.Add($"{e.RangeOfMotion.Count} range-of-motion entries");
        if (e.MuscleTests.Count > 0) parts.Add($"{e.MuscleTests.Count} muscle tests");
        return parts.Count == 0 ? "findings only" : string.Join(", ", parts);
    }

    private static string DescribeChanges(ExerciseDosageAdjusted e) =>
        string.Join(", ", DosageRules.Differences(e.From, e.To).Select(c => $"{c.Parameter} {c.From ?? "none"} -> {c.To ?? "none"}"));

    private static string DescribeChanges(IEnumerable<GoalChange> changes) =>
        string.Join(", ", changes.Select(c => $"{c.Field} {c.From ?? "none"} -> {c.To ?? "none"}"));

    private static string DescribeTarget(GoalSet e)
    {
        var parts = new List<string>();
        if (e is { MeasureCode: { } code, Baseline: { } baseline, Target: { } target })
            parts.Add($"{code} {Number(baseline)} -> {Number(target)}");
        if (e.TargetDate is { } by) parts.Add($"by {Day(by)}");
        return parts.Count == 0 ? "" : $" ({string.Join(", ", parts)})";
    }

    private static string StatusWords(GoalStatus status) => status switch
    {
        GoalStatus.Achieved => "achieved",
        GoalStatus.PartlyAchieved => "partly achieved",
        GoalStatus.Discontinued => "discontinued",
        GoalStatus.Active => "reopened",
        _ => status.ToString(),
    };

    private static string DescribeReport(EpisodeTimeline t, ProgressReportIssued e)
    {
        var goals = e.GoalSummaries.Count == 0
            ? "Progress report"
            : $"Progress report on {string.Join(", ", e.GoalSummaries.Select(g => $"\"{t.GoalNameOf(g.GoalId)}\""))}";
        return e.Plan is null ? goals : $"{goals}; plan: {e.Plan}";
    }

    private static string SessionName(Attendance attendance) => attendance switch
    {
        Attendance.Attended => "session",
        Attendance.Cancelled => "cancelled session",
        Attendance.NoShow => "no-show",
        _ => $"{attendance} session",
    };

    private static string DescribeSession(EpisodeTimeline t, SessionRecorded e)
    {
        if (e.Attendance == Attendance.Cancelled) return $"Session with {e.TherapistName} cancelled";
        if (e.Attendance == Attendance.NoShow) return $"No-show for session with {e.TherapistName}";
        var parts = new List<string> { $"Session with {e.TherapistName}, {e.Minutes} min" };
        if (e.Exercises.Count > 0) parts[0] += $": {string.Join(", ", e.Exercises.Select(x => t.NameOf(x.ExerciseId)))}";
        if (e.PainBefore is not null || e.PainAfter is not null)
            parts.Add($"pain {e.PainBefore?.ToString() ?? "none"} -> {e.PainAfter?.ToString() ?? "none"}");
        if (e.Rpe is { } rpe) parts.Add($"RPE {rpe}");
        parts.AddRange(e.AdverseEvents.Select(a => $"adverse event ({a.Severity.ToString().ToLowerInvariant()}): {a.Description}"));
        return string.Join("; ", parts);
    }

    private static string DescribeHomeLog(EpisodeTimeline t, HomeExerciseLogged e)
    {
        var amount = e.Repetitions is { } reps ? $"{e.Sets} x {reps}" : $"{e.Sets} sets";
        var pain = e.Pain is { } p ? $", pain {p}" : "";
        return $"Home exercise {t.NameOf(e.ExerciseId)}: {amount}{pain}, reported by {e.ReportedBy.ToString().ToLowerInvariant()}";
    }

    private static string LabelOf(EpisodeTimeline t, EntryEnteredInError e) => t.EntryLabels.TryGetValue(e.EntryId, out var label)
        ? label
        : $"{KindName(e.Kind)} {e.EntryId}";

    private static string KindName(EntryKind kind) => kind switch
    {
        EntryKind.ProgressReport => "progress report",
        EntryKind.ProgramChange => "program change",
        EntryKind.HomeLog => "home log",
        _ => kind.ToString().ToLowerInvariant(),
    };
}
