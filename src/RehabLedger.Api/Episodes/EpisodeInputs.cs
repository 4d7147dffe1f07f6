using System.ComponentModel;
using RehabLedger.Common;
using RehabLedger.GraphQL;

namespace RehabLedger.Episodes;

// The API's own records: derived into input types (GraphQL/DerivedTypes.cs), kept apart from the stored Condition,
// Coverage and assessment results so either can change without the other.

[Description("The condition an episode treats.")]
public sealed record ConditionInput(
    [property: Description("ICD-10-CM code, for example M17.11.")] string Icd10Code,
    [property: Description("The condition in words.")] string Description,
    [property: Description("The body region treated, for example right knee.")] string BodyRegion)
{
    public Condition ToValue() => new(Icd10Code, Description, BodyRegion);
}

[Description("Who pays for an episode.")]
public sealed record CoverageInput(
    [property: Description("The payer's id, for example aetna.")] string PayerId,
    [property: Description("The payer's name.")] string PayerName,
    [property: Description("The patient's member id with the payer.")] string MemberId)
{
    public Coverage ToValue() => new(PayerId, PayerName, MemberId);
}

[Description("An episode of care to open.")]
public sealed record OpenEpisodeInput(
    [property: Description(Describe.ClientId + "opening twice.")] Guid? Id,
    [property: Description("A patient of the clinic.")] Guid PatientId,
    [property: Description("The clinic that treats the episode.")] Guid ClinicId,
    [property: Description("The assigned therapist.")] Guid TherapistId,
    [property: Description("The condition treated.")] ConditionInput Condition,
    [property: Description("Who referred the patient.")] string? ReferralSource,
    [property: Description("Who pays, when known.")] CoverageInput? Coverage,
    [property: Description("The first day of care.")] DateOnly StartedOn)
{
    public OpenEpisode ToCommand(ActorRef by) => new(RequestContext.NewId(Id), PatientId, ClinicId, TherapistId, Condition.ToValue(),
        ReferralSource, Coverage?.ToValue(), StartedOn, by);
}

[Description("One outcome measure's score.")]
public sealed record MeasureResultInput(
    [property: Description("A code from the outcomeMeasures query, for example LEFS.")] string Code,
    [property: Description("The score.")] decimal Value)
{
    public MeasureResult ToValue() => new(Code, Value);
}

[Description("A goniometric range of motion.")]
public sealed record RangeOfMotionInput(
    [property: Description("The joint, for example knee.")] string Joint,
    [property: Description("The motion, for example flexion.")] string Motion,
    [property: Description("The side measured.")] BodySide Side,
    [property: Description("True for active range of motion, false for passive.")] bool Active,
    [property: Description("The range in degrees.")] decimal Degrees)
{
    public RangeOfMotionResult ToValue() => new(Joint, Motion, Side, Active, Degrees);
}

[Description("A manual muscle test.")]
public sealed record MuscleTestInput(
    [property: Description("The muscle group, for example hip abductors.")] string MuscleGroup,
    [property: Description("The side tested.")] BodySide Side,
    [property: Description("Manual muscle test grade, 0-5.")] decimal Grade)
{
    public MuscleTestResult ToValue() => new(MuscleGroup, Side, Grade);
}

[Description("An assessment to record.")]
public sealed record RecordAssessmentInput(
    [property: Description(Describe.Episode)] Guid EpisodeId,
    [property: Description(Describe.ExpectedEpisodeVersion)] long ExpectedVersion,
    [property: Description(Describe.ClientId + "recording twice.")] Guid? Id,
    [property: Description("Initial evaluation, re-evaluation or discharge.")] AssessmentKind Kind,
    [property: Description("When the assessment took place: within the episode, not in the future.")] DateOnly EffectiveOn,
    [property: Description("A therapist of the episode's clinic.")] Guid AssessorId,
    [property: Description("Outcome measure scores.")] IReadOnlyList<MeasureResultInput>? Measures,
    [property: Description("Ranges of motion.")] IReadOnlyList<RangeOfMotionInput>? RangeOfMotion,
    [property: Description("Manual muscle tests.")] IReadOnlyList<MuscleTestInput>? MuscleTests,
    [property: Description("The assessor's findings.")] string? Findings)
{
    public RecordAssessment ToCommand(ActorRef by) => new(EpisodeId, ExpectedVersion, RequestContext.NewId(Id), Kind, EffectiveOn, AssessorId,
        Values(Measures, m => m.ToValue()), Values(RangeOfMotion, r => r.ToValue()), Values(MuscleTests, t => t.ToValue()), Findings, by);

    /// <summary>An absent list is an empty one.</summary>
    internal static IReadOnlyList<TValue> Values<TInput, TValue>(IReadOnlyList<TInput>? inputs, Func<TInput, TValue> value) =>
        inputs?.Select(value).ToList() ?? [];
}

[Description("A discharge assessment recorded with the discharge, dated the discharge date; the rules of recordAssessment apply.")]
public sealed record DischargeAssessmentInput(
    [property: Description(Describe.ClientId + "recording twice.")] Guid? Id,
    [property: Description("A therapist of the episode's clinic.")] Guid AssessorId,
    [property: Description("Outcome measure scores.")] IReadOnlyList<MeasureResultInput>? Measures,
    [property: Description("Ranges of motion.")] IReadOnlyList<RangeOfMotionInput>? RangeOfMotion,
    [property: Description("Manual muscle tests.")] IReadOnlyList<MuscleTestInput>? MuscleTests,
    [property: Description("The assessor's findings.")] string? Findings)
{
    public DischargeAssessment ToValue() => new(RequestContext.NewId(Id), AssessorId,
        RecordAssessmentInput.Values(Measures, m => m.ToValue()), RecordAssessmentInput.Values(RangeOfMotion, r => r.ToValue()),
        RecordAssessmentInput.Values(MuscleTests, t => t.ToValue()), Findings);
}

[Description("An episode to discharge.")]
public sealed record DischargeEpisodeInput(
    [property: Description(Describe.Episode)] Guid EpisodeId,
    [property: Description(Describe.ExpectedEpisodeVersion)] long ExpectedVersion,
    [property: Description("The day of discharge.")] DateOnly EffectiveOn,
    [property: Description("Why the episode ends.")] string Reason,
    [property: Description("Optional: the discharge assessment, recorded in the same transaction; if it is refused, so is the discharge.")]
    DischargeAssessmentInput? Assessment)
{
    public DischargeEpisode ToCommand(ActorRef by) => new(EpisodeId, ExpectedVersion, EffectiveOn, Reason, Assessment?.ToValue(), by);
}
