using RehabLedger.Common;

namespace RehabLedger.Episodes;

/// <summary>An episode of care begins: one condition, treated at one clinic. Starts the episode's stream.</summary>
public sealed record EpisodeOpened(
    Guid EpisodeId,
    Guid PatientId,
    Guid ClinicId,
    Guid TherapistId,
    Condition Condition,
    string? ReferralSource,
    Coverage? Coverage,
    DateOnly EffectiveOn,
    ActorRef By);

/// <summary>An assessment (initial evaluation, re-assessment or discharge) with its measured values.</summary>
public sealed record AssessmentRecorded(
    Guid EpisodeId,
    Guid AssessmentId,
    AssessmentKind Kind,
    DateOnly EffectiveOn,
    Guid AssessorId,
    string AssessorName,
    IReadOnlyList<MeasureResult> Measures,
    IReadOnlyList<RangeOfMotionResult> RangeOfMotion,
    IReadOnlyList<MuscleTestResult> MuscleTests,
    string? Findings,
    ActorRef By);

/// <summary>The treated condition: an ICD-10-CM code, its wording, and where on the body.</summary>
public sealed record Condition(string Icd10Code, string Description, string BodyRegion);

/// <summary>Who pays: the payer and the patient's member id with that payer.</summary>
public sealed record Coverage(string PayerId, string PayerName, string MemberId);

public enum AssessmentKind
{
    Initial,
    ReAssessment,
    Discharge,
}

public enum BodySide
{
    Left,
    Right,
    Bilateral,
    NotApplicable,
}

/// <summary>A standardized outcome measure's score, for example LEFS 42.</summary>
public sealed record MeasureResult(string Code, decimal Value);

/// <summary>Goniometric range of motion in degrees, for example knee flexion, left, active, 95.</summary>
public sealed record RangeOfMotionResult(string Joint, string Motion, BodySide Side, bool Active, decimal Degrees);

/// <summary>A manual muscle test grade 0-5, for example hip abductors, right, 4.</summary>
public sealed record MuscleTestResult(string MuscleGroup, BodySide Side, decimal Grade);

/// <summary>The episode ends. Nothing clinical can be added to a discharged episode.</summary>
public sealed record EpisodeDischarged(Guid EpisodeId, DateOnly EffectiveOn, string Reason, ActorRef By);
