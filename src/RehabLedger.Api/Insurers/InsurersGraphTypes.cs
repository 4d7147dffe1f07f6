using GraphQL;
using GraphQL.Types;
using RehabLedger.Episodes;
using RehabLedger.Goals;
using RehabLedger.Outcomes;
using RehabLedger.Progress;
using RehabLedger.GraphQL.Cost;

namespace RehabLedger.Insurers;

// The insurer view has its own types, each listing exactly the fields a payer is entitled to. None of them leads to
// the Episode, Patient, Clinic or Therapist types, so no selection can reach notes, names or other identifiers, and a
// later authorization rule can confine insurers to these types.

[DoNotMapClrType]
public sealed class InsuredMemberType : ObjectGraphType<InsuredMember>
{
    public InsuredMemberType()
    {
        Name = "InsuredMember";
        Description = "The patient as the payer knows them: member id and year of birth only.";
        Field(x => x.MemberId).Description("The patient's member id with the payer.");
        Field(x => x.BirthYear);
    }
}

[DoNotMapClrType]
public sealed class OutcomeHistoryPayerType : ObjectGraphType<Coverage>
{
    public OutcomeHistoryPayerType()
    {
        Name = "OutcomeHistoryPayer";
        Field(x => x.PayerId);
        Field(x => x.PayerName);
    }
}

[DoNotMapClrType]
public sealed class OutcomeHistoryConditionType : ObjectGraphType<Condition>
{
    public OutcomeHistoryConditionType()
    {
        Name = "OutcomeHistoryCondition";
        Field(x => x.Icd10Code).Description("ICD-10-CM code.");
        Field(x => x.Description).Description("The code's wording.");
        Field(x => x.BodyRegion);
    }
}

[DoNotMapClrType]
public sealed class CertifiedPeriodType : ObjectGraphType<CertifiedPeriod>
{
    public CertifiedPeriodType()
    {
        Name = "CertifiedPeriod";
        Description = "A certified plan-of-care period, both ends included.";
        Field(x => x.Start);
        Field(x => x.End);
        Field(x => x.Days).Description("Calendar days covered, both ends included.");
    }
}

[DoNotMapClrType]
public sealed class OutcomeHistoryAttendanceType : ObjectGraphType<AttendanceSummary>
{
    public OutcomeHistoryAttendanceType()
    {
        Name = "OutcomeHistoryAttendance";
        Field(x => x.Attended);
        Field(x => x.Cancelled);
        Field(x => x.NoShow);
        Field(x => x.RatePercent, nullable: true).Description("attended / (attended + cancelled + no-show) x 100, one decimal; null without sessions.");
    }
}

[DoNotMapClrType]
public sealed class OutcomeHistoryAdherenceWeekType : ObjectGraphType<WeeklyAdherence>
{
    public OutcomeHistoryAdherenceWeekType()
    {
        Name = "OutcomeHistoryAdherenceWeek";
        Description = "Home-program adherence of one calendar week, Monday to Sunday.";
        Field(x => x.WeekStart).Description("The Monday of the week.");
        Field(x => x.Prescribed).Description("Sum of frequency per week of the home exercises active that week.");
        Field(x => x.Done).Description("Completions logged for them that week.");
        Field(x => x.Percent, nullable: true).Description("done / prescribed x 100, one decimal, not capped.");
    }
}

[DoNotMapClrType]
public sealed class OutcomeHistoryPointType : ObjectGraphType<MeasurePoint>
{
    public OutcomeHistoryPointType()
    {
        Name = "OutcomeHistoryPoint";
        Field(x => x.EffectiveOn).Description("When the value was measured clinically.");
        Field(x => x.Value);
    }
}

[DoNotMapClrType]
public sealed class OutcomeHistoryMeasureType : ObjectGraphType<MeasureTrend>
{
    public OutcomeHistoryMeasureType()
    {
        Name = "OutcomeHistoryMeasure";
        Description = "One standardized outcome measure across the episode's assessments, ordered by effective date.";
        Field<NonNullGraphType<StringGraphType>>("code").Resolve(c => c.Source.Measure.Code);
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Measure.Name);
        Field<NonNullGraphType<StringGraphType>>("unit").Resolve(c => c.Source.Measure.Unit);
        Field<NonNullGraphType<EnumerationGraphType<ImprovementDirection>>>("direction").Resolve(c => c.Source.Measure.Direction);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<OutcomeHistoryPointType>>>>("series").Costs(FieldCost.InMemory).Resolve(c => c.Source.Series);
        Field(x => x.Baseline).Description("The first value by effective date.");
        Field(x => x.Latest).Description("The last value by effective date.");
        Field(x => x.Change).Description("latest - baseline.");
        Field(x => x.PercentChange, nullable: true).Description("change / baseline x 100, one decimal; null when the baseline is 0.");
        Field(x => x.Improvement, nullable: true).Description("change where higher is better, -change where lower is better.");
        Field(x => x.ReachesMcid, nullable: true).Description("improvement >= mcidThreshold (inclusive).");
        Field(x => x.Worsened, nullable: true).Description("improvement < 0, by any amount.");
        Field<DecimalGraphType>("mcidThreshold").Description("The threshold the verdict used.").Resolve(c => c.Source.Measure.Mcid?.Threshold);
        Field<StringGraphType>("mcidSource").Description("Where the threshold comes from.").Resolve(c => c.Source.Measure.Mcid?.Source);
    }
}

[DoNotMapClrType]
public sealed class OutcomeHistoryRangeOfMotionType : ObjectGraphType<RangeOfMotionTrend>
{
    public OutcomeHistoryRangeOfMotionType()
    {
        Name = "OutcomeHistoryRangeOfMotion";
        Description = "Degrees at one joint, motion and side: series, baseline, latest and change; no MCID exists.";
        Field(x => x.Joint);
        Field(x => x.Motion);
        Field(x => x.Side, type: typeof(NonNullGraphType<BodySideType>));
        Field(x => x.Active).Description("True for active range of motion, false for passive.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<OutcomeHistoryPointType>>>>("series").Costs(FieldCost.InMemory).Resolve(c => c.Source.Trend.Series);
        Field<NonNullGraphType<DecimalGraphType>>("baseline").Resolve(c => c.Source.Trend.Baseline);
        Field<NonNullGraphType<DecimalGraphType>>("latest").Resolve(c => c.Source.Trend.Latest);
        Field<NonNullGraphType<DecimalGraphType>>("change").Resolve(c => c.Source.Trend.Change);
    }
}

[DoNotMapClrType]
public sealed class OutcomeHistoryMuscleTestType : ObjectGraphType<MuscleTestTrend>
{
    public OutcomeHistoryMuscleTestType()
    {
        Name = "OutcomeHistoryMuscleTest";
        Description = "Manual muscle test grades (0-5) of one muscle group and side: series, baseline, latest and change.";
        Field(x => x.MuscleGroup);
        Field(x => x.Side, type: typeof(NonNullGraphType<BodySideType>));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<OutcomeHistoryPointType>>>>("series").Costs(FieldCost.InMemory).Resolve(c => c.Source.Trend.Series);
        Field<NonNullGraphType<DecimalGraphType>>("baseline").Resolve(c => c.Source.Trend.Baseline);
        Field<NonNullGraphType<DecimalGraphType>>("latest").Resolve(c => c.Source.Trend.Latest);
        Field<NonNullGraphType<DecimalGraphType>>("change").Resolve(c => c.Source.Trend.Change);
    }
}

[DoNotMapClrType]
public sealed class OutcomeHistoryGoalType : ObjectGraphType<GoalEvaluation>
{
    public OutcomeHistoryGoalType()
    {
        Name = "OutcomeHistoryGoal";
        Description = "A functional goal and where it stands. Revision reasons and status notes are not part of it.";
        Field<NonNullGraphType<StringGraphType>>("description").Description("The functional goal as stated.").Resolve(c => c.Source.Goal.Description);
        Field<StringGraphType>("measureCode").Resolve(c => c.Source.Goal.MeasureCode);
        Field<DecimalGraphType>("baseline").Resolve(c => c.Source.Goal.Baseline);
        Field<DecimalGraphType>("target").Resolve(c => c.Source.Goal.Target);
        Field<DateOnlyGraphType>("targetDate").Resolve(c => c.Source.Goal.TargetDate);
        Field<NonNullGraphType<DateOnlyGraphType>>("setOn").Resolve(c => c.Source.Goal.EffectiveOn);
        Field(x => x.Status, type: typeof(NonNullGraphType<GoalStatusType>)).Description("The status last set by effective date, else active.");
        Field(x => x.StatusSince);
        Field(x => x.Latest, nullable: true).Description("The latest value of the goal's measure by effective date.");
        Field(x => x.Met, nullable: true).Description("Latest is at or beyond the target in the direction of improvement.");
        Field(x => x.AttainmentPercent, nullable: true).Description("(latest - baseline) / (target - baseline) x 100, one decimal, not capped.");
    }
}

[DoNotMapClrType]
public sealed class OutcomeHistoryMeasureValueType : ObjectGraphType<MeasureResult>
{
    public OutcomeHistoryMeasureValueType()
    {
        Name = "OutcomeHistoryMeasureValue";
        Field(x => x.Code);
        Field(x => x.Value);
    }
}

[DoNotMapClrType]
public sealed class OutcomeHistoryDischargeType : ObjectGraphType<DischargeOutcome>
{
    public OutcomeHistoryDischargeType()
    {
        Name = "OutcomeHistoryDischarge";
        Description = "How the episode ended: the date, the discharge assessment's scores and each goal's final standing. The reason as written is not part of it.";
        Field(x => x.DischargedOn);
        Field(x => x.AssessedOn, nullable: true).Description("The discharge assessment's date; null without one.");
        Field(x => x.Measures, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<OutcomeHistoryMeasureValueType>>>)).Costs(FieldCost.InMemory)
            .Description("The discharge assessment's outcome measure scores.");
        Field(x => x.Goals, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<OutcomeHistoryGoalType>>>)).Costs(FieldCost.InMemory)
            .Description("Each goal's final status.");
    }
}

[DoNotMapClrType]
public sealed class OutcomeHistoryType : ObjectGraphType<OutcomeHistory>
{
    public OutcomeHistoryType()
    {
        Name = "OutcomeHistory";
        Description = "What a payer is told about an episode it covers: the minimum necessary, with no free-text notes and no identifier beyond the member id.";
        Field(x => x.EpisodeId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(x => x.Status, type: typeof(NonNullGraphType<EpisodeStatusType>));
        Field<NonNullGraphType<OutcomeHistoryPayerType>>("payer").Resolve(c => c.Source.Coverage);
        Field(x => x.Member, type: typeof(NonNullGraphType<InsuredMemberType>));
        Field(x => x.Condition, type: typeof(NonNullGraphType<OutcomeHistoryConditionType>));
        Field(x => x.StartedOn);
        Field(x => x.Certifications, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<CertifiedPeriodType>>>)).Costs(FieldCost.InMemory)
            .Description("Certified plan-of-care periods, by start.");
        Field(x => x.VisitsUsed).Description("Sessions attended.");
        Field(x => x.VisitsAuthorized, nullable: true)
            .Description("Visits the payer authorized. RehabLedger records no authorizations yet, so this is null.");
        Field(x => x.Attendance, type: typeof(NonNullGraphType<OutcomeHistoryAttendanceType>));
        Field(x => x.HomeAdherence, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<OutcomeHistoryAdherenceWeekType>>>)).Costs(FieldCost.InMemory)
            .Description("Per calendar week, through today while active, through the discharge date once discharged.");
        Field(x => x.Measures, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<OutcomeHistoryMeasureType>>>)).Costs(FieldCost.InMemory);
        Field(x => x.RangeOfMotion, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<OutcomeHistoryRangeOfMotionType>>>)).Costs(FieldCost.InMemory);
        Field(x => x.MuscleTests, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<OutcomeHistoryMuscleTestType>>>)).Costs(FieldCost.InMemory);
        Field(x => x.Goals, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<OutcomeHistoryGoalType>>>)).Costs(FieldCost.InMemory);
        Field(x => x.ProgressReportDates, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<DateOnlyGraphType>>>)).Costs(FieldCost.InMemory)
            .Description("The dates of the progress reports; their contents stay with the clinic.");
        Field(x => x.Discharge, type: typeof(OutcomeHistoryDischargeType)).Description("Null while the episode is active.");
    }
}
