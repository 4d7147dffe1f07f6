using GraphQL.Types;
using RehabLedger.GraphQL;
using RehabLedger.Outcomes;
using RehabLedger.GraphQL.Cost;

namespace RehabLedger.Episodes;

public sealed class MeasureTrendType : ObjectGraphType<MeasureTrend>
{
    public MeasureTrendType()
    {
        Name = "MeasureTrend";
        Description = "A measure across the episode's assessments, ordered by effective date; baseline is the first value, latest the last.";
        Field<NonNullGraphType<DerivedObjectType<OutcomeMeasure>>>("measure").Resolve(c => c.Source.Measure);
        Field<NonNullGraphType<StringGraphType>>("code").Resolve(c => c.Source.Measure.Code);
        Field(x => x.Baseline);
        Field(x => x.Latest);
        Field(x => x.Change).Description("latest - baseline.");
        Field(x => x.PercentChange, nullable: true).Description("change / baseline x 100, one decimal, halves away from zero; null when the baseline is 0.");
        Field(x => x.Improvement, nullable: true).Description("change where higher is better, -change where lower is better.");
        Field(x => x.ReachesMcid, nullable: true).Description("improvement >= the measure's MCID threshold (inclusive).");
        Field(x => x.Worsened, nullable: true).Description("improvement < 0, by any amount.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<DerivedObjectType<MeasurePoint>>>>>("series").Costs(FieldCost.InMemory).Resolve(c => c.Source.Series);
    }
}

public sealed class RangeOfMotionTrendType : ObjectGraphType<RangeOfMotionTrend>
{
    public RangeOfMotionTrendType()
    {
        Name = "RangeOfMotionTrend";
        Description = "Degrees at one joint, motion and side: baseline, latest and change, without a verdict.";
        Field(x => x.Joint);
        Field(x => x.Motion);
        Field(x => x.Side, type: typeof(NonNullGraphType<BodySideType>));
        Field(x => x.Active);
        Field<NonNullGraphType<DecimalGraphType>>("baseline").Resolve(c => c.Source.Trend.Baseline);
        Field<NonNullGraphType<DecimalGraphType>>("latest").Resolve(c => c.Source.Trend.Latest);
        Field<NonNullGraphType<DecimalGraphType>>("change").Resolve(c => c.Source.Trend.Change);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<DerivedObjectType<MeasurePoint>>>>>("series").Costs(FieldCost.InMemory).Resolve(c => c.Source.Trend.Series);
    }
}

public sealed class MuscleTestTrendType : ObjectGraphType<MuscleTestTrend>
{
    public MuscleTestTrendType()
    {
        Name = "MuscleTestTrend";
        Description = "Manual muscle test grades of one muscle group and side: baseline, latest and change, without a verdict.";
        Field(x => x.MuscleGroup);
        Field(x => x.Side, type: typeof(NonNullGraphType<BodySideType>));
        Field<NonNullGraphType<DecimalGraphType>>("baseline").Resolve(c => c.Source.Trend.Baseline);
        Field<NonNullGraphType<DecimalGraphType>>("latest").Resolve(c => c.Source.Trend.Latest);
        Field<NonNullGraphType<DecimalGraphType>>("change").Resolve(c => c.Source.Trend.Change);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<DerivedObjectType<MeasurePoint>>>>>("series").Costs(FieldCost.InMemory).Resolve(c => c.Source.Trend.Series);
    }
}
