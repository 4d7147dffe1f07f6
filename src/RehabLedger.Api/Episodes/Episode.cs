using RehabLedger.Corrections;

namespace RehabLedger.Episodes;

public enum EpisodeStatus
{
    Active,
    Discharged,
}

/// <summary>An assessment as the episode keeps it.</summary>
public sealed record Assessment(
    Guid Id,
    AssessmentKind Kind,
    DateOnly EffectiveOn,
    Guid AssessorId,
    string AssessorName,
    IReadOnlyList<MeasureResult> Measures,
    IReadOnlyList<RangeOfMotionResult> RangeOfMotion,
    IReadOnlyList<MuscleTestResult> MuscleTests,
    string? Findings);

/// <summary>
/// An episode of care: the aggregate commands decide against, and the document <c>episode(id)</c> reads.
/// Projected inline as a snapshot so a mutation's answer already contains its own change, and
/// <c>FetchForWriting</c> reads one row instead of replaying the stream.
/// Holds facts only; baselines, changes and verdicts are derived when read (see MeasureTrend),
/// so a change of rule never needs a rebuild.
/// </summary>
public sealed partial class Episode
{
    public Guid Id { get; set; }
    public long Version { get; set; }
    public Guid PatientId { get; set; }
    public Guid ClinicId { get; set; }
    public Guid TherapistId { get; set; }
    public Condition Condition { get; set; } = new("", "", "");
    public string? ReferralSource { get; set; }
    public Coverage? Coverage { get; set; }
    public DateOnly StartedOn { get; set; }
    public EpisodeStatus Status { get; set; }
    public DateOnly? DischargedOn { get; set; }
    public string? DischargeReason { get; set; }

    /// <summary>In recording order; readers order by effective date where the rules say so.</summary>
    public List<Assessment> Assessments { get; set; } = [];

    public bool IsClosed => Status == EpisodeStatus.Discharged;

    /// <summary>The assessments that count: those not entered in error, in recording order.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IEnumerable<Assessment> StandingAssessments => EnteredInError.Standing(Assessments, EntryKind.Assessment, a => a.Id);

    public static Episode Create(EpisodeOpened e) => new()
    {
        Id = e.EpisodeId,
        PatientId = e.PatientId,
        ClinicId = e.ClinicId,
        TherapistId = e.TherapistId,
        Condition = e.Condition,
        ReferralSource = e.ReferralSource,
        Coverage = e.Coverage,
        StartedOn = e.EffectiveOn,
        Status = EpisodeStatus.Active,
    };

    public void Apply(AssessmentRecorded e) => Assessments.Add(new Assessment(
        e.AssessmentId, e.Kind, e.EffectiveOn, e.AssessorId, e.AssessorName,
        e.Measures, e.RangeOfMotion, e.MuscleTests, e.Findings));

    public void Apply(EpisodeDischarged e)
    {
        Status = EpisodeStatus.Discharged;
        DischargedOn = e.EffectiveOn;
        DischargeReason = e.Reason;
    }
}
