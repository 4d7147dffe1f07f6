using GraphQL.Types;

namespace RehabLedger.Episodes;

public sealed class ConditionInputType : InputObjectGraphType<Condition>
{
    public ConditionInputType()
    {
        Name = "ConditionInput";
        Field(x => x.Icd10Code).Description("ICD-10-CM code, for example M17.11.");
        Field(x => x.Description);
        Field(x => x.BodyRegion);
    }
}

public sealed class CoverageInputType : InputObjectGraphType<Coverage>
{
    public CoverageInputType()
    {
        Name = "CoverageInput";
        Field(x => x.PayerId);
        Field(x => x.PayerName);
        Field(x => x.MemberId);
    }
}

public sealed class OpenEpisodeInput
{
    public Guid? Id { get; set; }
    public Guid PatientId { get; set; }
    public Guid ClinicId { get; set; }
    public Guid TherapistId { get; set; }
    public Condition Condition { get; set; } = new("", "", "");
    public string? ReferralSource { get; set; }
    public Coverage? Coverage { get; set; }
    public DateOnly StartedOn { get; set; }
}

public sealed class OpenEpisodeInputType : InputObjectGraphType<OpenEpisodeInput>
{
    public OpenEpisodeInputType()
    {
        Name = "OpenEpisodeInput";
        Field(x => x.Id, type: typeof(IdGraphType))
            .Description("Optional client-chosen id; a retry with the same id is refused with CONFLICT instead of opening twice.");
        Field(x => x.PatientId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(x => x.ClinicId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(x => x.TherapistId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The assigned therapist.");
        Field(x => x.Condition, type: typeof(NonNullGraphType<ConditionInputType>));
        Field(x => x.ReferralSource, nullable: true);
        Field(x => x.Coverage, type: typeof(CoverageInputType));
        Field(x => x.StartedOn);
    }
}

public sealed class MeasureResultInputType : InputObjectGraphType<MeasureResult>
{
    public MeasureResultInputType()
    {
        Name = "MeasureResultInput";
        Field(x => x.Code).Description("A code from the outcomeMeasures query, for example LEFS.");
        Field(x => x.Value);
    }
}

public sealed class RangeOfMotionInputType : InputObjectGraphType<RangeOfMotionResult>
{
    public RangeOfMotionInputType()
    {
        Name = "RangeOfMotionInput";
        Field(x => x.Joint);
        Field(x => x.Motion);
        Field(x => x.Side, type: typeof(NonNullGraphType<BodySideType>));
        Field(x => x.Active);
        Field(x => x.Degrees);
    }
}

public sealed class MuscleTestInputType : InputObjectGraphType<MuscleTestResult>
{
    public MuscleTestInputType()
    {
        Name = "MuscleTestInput";
        Field(x => x.MuscleGroup);
        Field(x => x.Side, type: typeof(NonNullGraphType<BodySideType>));
        Field(x => x.Grade);
    }
}

public sealed class RecordAssessmentInput
{
    public Guid EpisodeId { get; set; }
    public long ExpectedVersion { get; set; }
    public Guid? Id { get; set; }
    public AssessmentKind Kind { get; set; }
    public DateOnly EffectiveOn { get; set; }
    public Guid AssessorId { get; set; }
    public List<MeasureResult>? Measures { get; set; }
    public List<RangeOfMotionResult>? RangeOfMotion { get; set; }
    public List<MuscleTestResult>? MuscleTests { get; set; }
    public string? Findings { get; set; }
}

public sealed class RecordAssessmentInputType : InputObjectGraphType<RecordAssessmentInput>
{
    public RecordAssessmentInputType()
    {
        Name = "RecordAssessmentInput";
        Field(x => x.EpisodeId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(x => x.ExpectedVersion).Description("The episode version you last read; a stale one is refused with CONFLICT.");
        Field(x => x.Id, type: typeof(IdGraphType));
        Field(x => x.Kind, type: typeof(NonNullGraphType<AssessmentKindType>));
        Field(x => x.EffectiveOn).Description("When the assessment took place: within the episode, not in the future.");
        Field(x => x.AssessorId, type: typeof(NonNullGraphType<IdGraphType>)).Description("A therapist of the episode's clinic.");
        Field(x => x.Measures, type: typeof(ListGraphType<NonNullGraphType<MeasureResultInputType>>));
        Field(x => x.RangeOfMotion, type: typeof(ListGraphType<NonNullGraphType<RangeOfMotionInputType>>));
        Field(x => x.MuscleTests, type: typeof(ListGraphType<NonNullGraphType<MuscleTestInputType>>));
        Field(x => x.Findings, nullable: true);
    }
}

public sealed class DischargeEpisodeInput
{
    public Guid EpisodeId { get; set; }
    public long ExpectedVersion { get; set; }
    public DateOnly EffectiveOn { get; set; }
    public string Reason { get; set; } = "";
    public DischargeAssessmentInput? Assessment { get; set; }
}

public sealed class DischargeAssessmentInput
{
    public Guid? Id { get; set; }
    public Guid AssessorId { get; set; }
    public List<MeasureResult>? Measures { get; set; }
    public List<RangeOfMotionResult>? RangeOfMotion { get; set; }
    public List<MuscleTestResult>? MuscleTests { get; set; }
    public string? Findings { get; set; }
}

public sealed class DischargeAssessmentInputType : InputObjectGraphType<DischargeAssessmentInput>
{
    public DischargeAssessmentInputType()
    {
        Name = "DischargeAssessmentInput";
        Description = "A discharge assessment recorded with the discharge, dated the discharge date; the rules of recordAssessment apply.";
        Field(x => x.Id, type: typeof(IdGraphType));
        Field(x => x.AssessorId, type: typeof(NonNullGraphType<IdGraphType>)).Description("A therapist of the episode's clinic.");
        Field(x => x.Measures, type: typeof(ListGraphType<NonNullGraphType<MeasureResultInputType>>));
        Field(x => x.RangeOfMotion, type: typeof(ListGraphType<NonNullGraphType<RangeOfMotionInputType>>));
        Field(x => x.MuscleTests, type: typeof(ListGraphType<NonNullGraphType<MuscleTestInputType>>));
        Field(x => x.Findings, nullable: true);
    }
}

public sealed class DischargeEpisodeInputType : InputObjectGraphType<DischargeEpisodeInput>
{
    public DischargeEpisodeInputType()
    {
        Name = "DischargeEpisodeInput";
        Field(x => x.EpisodeId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(x => x.ExpectedVersion).Description("The episode version you last read; a stale one is refused with CONFLICT.");
        Field(x => x.EffectiveOn);
        Field(x => x.Reason);
        Field(x => x.Assessment, type: typeof(DischargeAssessmentInputType))
            .Description("Optional: the discharge assessment, recorded in the same transaction; if it is refused, so is the discharge.");
    }
}
