using RehabLedger.Episodes;
using RehabLedger.Goals;
using RehabLedger.Outcomes;
using RehabLedger.Patients;
using RehabLedger.PlanOfCare;
using RehabLedger.Progress;
using RehabLedger.Sessions;

namespace RehabLedger.Insurers;

/// <summary>The patient as a payer knows them: their member id with that payer and their year of birth, nothing more.</summary>
public sealed record InsuredMember(string MemberId, int BirthYear);

/// <summary>A certified plan-of-care period, both ends included, without the physician or the note.</summary>
public sealed record CertifiedPeriod(DateOnly Start, DateOnly End, int Days);

/// <summary>How the episode ended: its date, the discharge assessment's scores and each goal's final standing.</summary>
public sealed record DischargeOutcome(
    DateOnly DischargedOn, DateOnly? AssessedOn, IReadOnlyList<MeasureResult> Measures, IReadOnlyList<GoalEvaluation> Goals);

/// <summary>
/// What a payer is told about one episode it covers (the minimum necessary, docs/06-insurers.md): the condition,
/// certified periods, visits, attendance, home adherence, outcome series with their verdicts, goals, the dates of
/// progress reports and the discharge outcome. It holds no free text written about the patient, no name, no full
/// birth date, no record number and no internal patient id; the GraphQL and FHIR shapes are built from it alone,
/// apart from the program and the provenance the FHIR export adds.
/// </summary>
public sealed record OutcomeHistory(
    Guid EpisodeId,
    EpisodeStatus Status,
    Coverage Coverage,
    InsuredMember Member,
    Condition Condition,
    DateOnly StartedOn,
    IReadOnlyList<CertifiedPeriod> Certifications,
    int? VisitsAuthorized,
    AttendanceSummary Attendance,
    IReadOnlyList<WeeklyAdherence> HomeAdherence,
    IReadOnlyList<MeasureTrend> Measures,
    IReadOnlyList<RangeOfMotionTrend> RangeOfMotion,
    IReadOnlyList<MuscleTestTrend> MuscleTests,
    IReadOnlyList<GoalEvaluation> Goals,
    IReadOnlyList<DateOnly> ProgressReportDates,
    DischargeOutcome? Discharge)
{
    public int VisitsUsed => Attendance.VisitsUsed;
}

/// <summary>
/// Builds an outcome history from the episode, its sessions and home logs, and the patient, for a day. Pure: the same
/// documents and day always give the same history. Figures come from <see cref="EpisodeProgressView"/>, so the
/// payer sees exactly what clinicians see; entries entered in error count nowhere.
/// </summary>
public static class OutcomeHistoryBuilder
{
    /// <summary>Null when the episode names no payer: an outcome history is what a payer is told, and there is none.</summary>
    public static OutcomeHistory? Of(Episode episode, EpisodeSessions entries, Patient patient, DateOnly today)
    {
        if (episode.Coverage is not { } coverage) return null;
        var view = EpisodeProgressView.Of(episode, entries, today);

        return new OutcomeHistory(
            episode.Id,
            episode.Status,
            coverage,
            new InsuredMember(coverage.MemberId, patient.BirthDate.Year),
            episode.Condition,
            episode.StartedOn,
            episode.StandingCertifications.OrderBy(c => c.Start)
                .Select(c => new CertifiedPeriod(c.Start, c.End, c.Days)).ToList(),
            // Nothing records a payer's authorization yet; the field exists so payers can rely on its place.
            VisitsAuthorized: null,
            view.Attendance,
            view.HomeAdherence,
            view.Measures,
            view.RangeOfMotion,
            view.MuscleTests,
            view.Goals,
            GoalProgress.Reports(episode.StandingProgressReports).Select(r => r.EffectiveOn).ToList(),
            DischargeOf(episode, view.Goals));
    }

    /// <summary>The discharge assessment is the standing one of kind Discharge latest by effective date.</summary>
    private static DischargeOutcome? DischargeOf(Episode episode, IReadOnlyList<GoalEvaluation> goals)
    {
        if (episode.DischargedOn is not { } dischargedOn) return null;
        var assessment = episode.StandingAssessments
            .Where(a => a.Kind == AssessmentKind.Discharge)
            .OrderBy(a => a.EffectiveOn)
            .LastOrDefault();
        return new DischargeOutcome(dischargedOn, assessment?.EffectiveOn, assessment?.Measures ?? [], goals);
    }
}
