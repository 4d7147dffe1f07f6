using GraphQL;
using GraphQL.Types;
using RehabLedger.GraphQL.Cost;

namespace RehabLedger.Outcomes;

public sealed class ImprovementDirectionType : EnumerationGraphType<ImprovementDirection>;

public sealed class MeasureKindType : EnumerationGraphType<MeasureKind>;

public sealed class McidType : ObjectGraphType<Mcid>
{
    public McidType()
    {
        Name = "Mcid";
        Description = "A minimal clinically important difference and the publication it comes from.";
        Field(x => x.Threshold).Description("Improvement at or beyond this value reaches the MCID.");
        Field(x => x.Source);
    }
}

public sealed class OutcomeMeasureType : ObjectGraphType<OutcomeMeasure>
{
    public OutcomeMeasureType()
    {
        Name = "OutcomeMeasure";
        Description = "A standardized outcome measure RehabLedger accepts. Values outside its range are refused.";
        Field(x => x.Code);
        Field(x => x.Name);
        Field(x => x.Kind, type: typeof(NonNullGraphType<MeasureKindType>));
        Field(x => x.Minimum);
        Field(x => x.Maximum, nullable: true).Description("Null when the scale is open-ended (seconds, metres).");
        Field(x => x.Unit);
        Field(x => x.Direction, type: typeof(NonNullGraphType<ImprovementDirectionType>));
        Field(x => x.Mcid, type: typeof(McidType));
        Field(x => x.Note, nullable: true);
    }
}

public static class OutcomeQueries
{
    public static void AddOutcomeQueries(this ObjectGraphType query) =>
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<OutcomeMeasureType>>>>("outcomeMeasures").Costs(FieldCost.InMemory)
            .Description("The outcome measure catalog: codes, ranges, direction of improvement and MCIDs with sources.")
            // Published reference data, identical for everybody: no patient, clinic or payer in it.
            .AllowAnonymous()
            .Resolve(_ => OutcomeMeasureCatalog.All);
}
