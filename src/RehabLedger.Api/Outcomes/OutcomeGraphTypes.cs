using GraphQL;
using GraphQL.Types;
using RehabLedger.GraphQL;
using RehabLedger.GraphQL.Cost;

namespace RehabLedger.Outcomes;

public static class OutcomeQueries
{
    public static void AddOutcomeQueries(this ObjectGraphType query) =>
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<DerivedObjectType<OutcomeMeasure>>>>>("outcomeMeasures").Costs(FieldCost.InMemory)
            .Description("The outcome measure catalog: codes, ranges, direction of improvement and MCIDs with sources.")
            // Published reference data, identical for everybody: no patient, clinic or payer in it.
            .AllowAnonymous()
            .Resolve(_ => OutcomeMeasureCatalog.All);
}
