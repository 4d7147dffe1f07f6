using GraphQL;
using GraphQL.Types;
using Marten;
using RehabLedger.Clinics;
using RehabLedger.Common;
using RehabLedger.Goals;
using RehabLedger.GraphQL;
using RehabLedger.Security;
using RehabLedger.Patients;
using RehabLedger.Programs;
using RehabLedger.Progress;
using RehabLedger.PlanOfCare;
using RehabLedger.Sessions;
using RehabLedger.GraphQL.Cost;

namespace RehabLedger.Episodes;

public sealed class EpisodeStatusType : EnumerationGraphType<EpisodeStatus>;

public sealed class AssessmentKindType : EnumerationGraphType<AssessmentKind>;

public sealed class BodySideType : EnumerationGraphType<BodySide>;

public sealed class ConditionType : ObjectGraphType<Condition>
{
    public ConditionType()
    {
        Name = "Condition";
        Field(x => x.Icd10Code).Description("ICD-10-CM code, for example M17.11.");
        Field(x => x.Description);
        Field(x => x.BodyRegion);
    }
}

public sealed class CoverageType : ObjectGraphType<Coverage>
{
    public CoverageType()
    {
        Name = "Coverage";
        Field(x => x.PayerId);
        Field(x => x.PayerName);
        Field(x => x.MemberId).Description("The patient's member id with the payer.");
    }
}

public sealed class MeasureResultType : ObjectGraphType<MeasureResult>
{
    public MeasureResultType()
    {
        Name = "MeasureResult";
        Field(x => x.Code);
        Field(x => x.Value);
    }
}

public sealed class RangeOfMotionResultType : ObjectGraphType<RangeOfMotionResult>
{
    public RangeOfMotionResultType()
    {
        Name = "RangeOfMotionResult";
        Field(x => x.Joint);
        Field(x => x.Motion);
        Field(x => x.Side, type: typeof(NonNullGraphType<BodySideType>));
        Field(x => x.Active).Description("True for active range of motion, false for passive.");
        Field(x => x.Degrees);
    }
}

public sealed class MuscleTestResultType : ObjectGraphType<MuscleTestResult>
{
    public MuscleTestResultType()
    {
        Name = "MuscleTestResult";
        Field(x => x.MuscleGroup);
        Field(x => x.Side, type: typeof(NonNullGraphType<BodySideType>));
        Field(x => x.Grade).Description("Manual muscle test grade, 0-5.");
    }
}

public sealed class AssessmentType : ObjectGraphType<Assessment>
{
    public AssessmentType()
    {
        Name = "Assessment";
        Field(x => x.Id, type: typeof(NonNullGraphType<IdGraphType>));
        Field(x => x.Kind, type: typeof(NonNullGraphType<AssessmentKindType>));
        Field(x => x.EffectiveOn).Description("When the assessment took place clinically.");
        Field(x => x.AssessorId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(x => x.AssessorName);
        Field(x => x.Measures, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<MeasureResultType>>>)).Costs(FieldCost.InMemory);
        Field(x => x.RangeOfMotion, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<RangeOfMotionResultType>>>)).Costs(FieldCost.InMemory);
        Field(x => x.MuscleTests, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<MuscleTestResultType>>>)).Costs(FieldCost.InMemory);
        Field(x => x.Findings, nullable: true);
    }
}

public sealed class EpisodeType : ObjectGraphType<Episode>
{
    public EpisodeType()
    {
        Name = "Episode";
        // Clinic records, whatever field reaches them: a role that may not read clinics cannot select this type anywhere.
        this.AuthorizeWithPolicy(Policies.ReadClinic);
        Description = "An episode of care: one condition treated under one plan of care, from evaluation to discharge.";
        Field(x => x.Id, type: typeof(NonNullGraphType<IdGraphType>));
        Field(x => x.Version).Description("The episode stream's version: pass it as expectedVersion when changing the episode.");
        Field(x => x.Status, type: typeof(NonNullGraphType<EpisodeStatusType>));
        Field(x => x.Condition, type: typeof(NonNullGraphType<ConditionType>));
        Field(x => x.ReferralSource, nullable: true);
        Field(x => x.Coverage, type: typeof(CoverageType));
        Field(x => x.StartedOn);
        Field(x => x.DischargedOn, nullable: true);
        Field(x => x.DischargeReason, nullable: true);
        Field<NonNullGraphType<PatientType>>("patient").Costs(FieldCost.Batched)
            .Resolve(c => c.Batch().Load<Patient>(c.Source.PatientId, p => p.Id));
        Field<NonNullGraphType<ClinicType>>("clinic").Costs(FieldCost.Batched)
            .Resolve(c => c.Batch().Load<Clinic>(c.Source.ClinicId, x => x.Id));
        Field<NonNullGraphType<TherapistType>>("therapist").Costs(FieldCost.Batched).Description("The assigned therapist.")
            .Resolve(c => c.Batch().Load<Therapist>(c.Source.TherapistId, t => t.Id));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AssessmentType>>>>("assessments").Costs(FieldCost.InMemory)
            .Description("Ordered by effective date, ties in recording order; entries in error are left out.")
            .Resolve(c => c.Source.StandingAssessments.OrderBy(a => a.EffectiveOn).ToList());
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TimelineEntryType>>>>("timeline").Costs(FieldCost.Batched)
            .Description("What happened to the episode in recording order, with effective and recorded times. " +
                         "Projected asynchronously: a change appears here a moment after the mutation returns.")
            .Resolve(c => c.Batch().Load<EpisodeTimeline>(c.Source.Id, t => t.Id).Then(t => t?.Entries ?? []));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MeasureTrendType>>>>("measures").Costs(FieldCost.InMemory)
            .Description("Each outcome measure's baseline, latest value, change and MCID verdict.")
            .Resolve(c => EpisodeTrends.Measures(c.Source.StandingAssessments));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RangeOfMotionTrendType>>>>("rangeOfMotion").Costs(FieldCost.InMemory)
            .Resolve(c => EpisodeTrends.RangeOfMotion(c.Source.StandingAssessments));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MuscleTestTrendType>>>>("muscleTests").Costs(FieldCost.InMemory)
            .Resolve(c => EpisodeTrends.MuscleTests(c.Source.StandingAssessments));
        this.AddProgramFields();
        this.AddProgressFields();
        this.AddPlanOfCareFields();
        this.AddGoalsFields();
        this.AddSessionsFields();
    }
}

public sealed class ActorType : ObjectGraphType<ActorRef>
{
    public ActorType()
    {
        Name = "Actor";
        Description = "Who did something, as identified by the request that did it.";
        Field(x => x.Id);
        Field(x => x.Role);
        Field(x => x.DisplayName);
    }
}

public sealed class TimelineEntryType : ObjectGraphType<TimelineEntry>
{
    public TimelineEntryType()
    {
        Name = "TimelineEntry";
        Field(x => x.Version).Description("The episode stream's version after this event.");
        Field(x => x.EventType);
        Field(x => x.EntryId, type: typeof(IdGraphType))
            .Description("The entry the line is about (assessment, goal, progress report, program change, session, home log or " +
                         "certification), or for a correction the entry it corrects; null for opening and discharge.");
        Field(x => x.Summary);
        Field(x => x.EffectiveOn, nullable: true).Description("When it took effect clinically.");
        Field(x => x.RecordedAt).Description("When the record learned it (stamped by the database).");
        Field(x => x.By, type: typeof(ActorType));
        Field(x => x.CorrelationId, nullable: true).Description("The request that wrote it.");
        Field(x => x.EnteredInError)
            .Description("True when a later correction marked this line's entry as entered in error; the line stays in the record.");
    }
}
