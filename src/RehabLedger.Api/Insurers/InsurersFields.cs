using GraphQL;
using GraphQL.Types;
using GraphQL.Types.Relay;
using Microsoft.Extensions.DependencyInjection;
using RehabLedger.Common;
using RehabLedger.GraphQL;
using RehabLedger.Insurers.Fhir;
using RehabLedger.Security;
using RehabLedger.GraphQL.Cost;

namespace RehabLedger.Insurers;

/// <summary>The insurer queries: kept apart from the clinical ones so an authorization rule can give payers these and no others.</summary>
public static class InsurersFields
{
    public static void AddInsurerQueries(this ObjectGraphType query)
    {
        query.Field<OutcomeHistoryType>("outcomeHistory").Costs(FieldCost.StreamFold)
            .Description("The outcome history of one episode for its payer; null when no episode has this id, it names no payer, " +
                         "or you may not read it (an insurer reads the episodes its payer covers while the patient consents).")
            .AuthorizeWithPolicy(Policies.ReadOutcomeHistories)
            .Argument<NonNullGraphType<IdGraphType>>("episodeId")
            .ResolveAsync(async c => await OutcomeHistoryQuery.One(c.Query(), c.GetArgument<Guid>("episodeId"), Today(c), Permit(c), c.CancellationToken));

        query.Field<NonNullGraphType<ConnectionType<OutcomeHistoryType>>>("outcomeHistories").Costs(FieldCost.StreamFold)
            .Description("The episodes whose coverage names this payer and whose period (start to discharge, or to today while active) overlaps [from, to], oldest start first.")
            .AuthorizeWithPolicy(Policies.ReadOutcomeHistories)
            .Argument<NonNullGraphType<StringGraphType>>("payerId", "An insurer may name its own payer only.")
            .Argument<NonNullGraphType<DateOnlyGraphType>>("from", "First day of the period.")
            .Argument<NonNullGraphType<DateOnlyGraphType>>("to", "Last day of the period, inclusive; not before from.")
            .PagingArguments()
            .CheckArguments(c => OutcomeHistoryQuery.CheckPeriod(c.GetArgument<DateOnly>("from"), c.GetArgument<DateOnly>("to")))
            .ResolveAsync(async c =>
            {
                var payerId = c.GetArgument<string>("payerId");
                var guard = c.Guard();
                c.Access().RequirePayer(c.Coordinate(), payerId, "payerId");
                return await OutcomeHistoryQuery.Page(c.Query(), payerId, c.GetArgument<DateOnly>("from"), c.GetArgument<DateOnly>("to"),
                    c.GetArgument<int?>(Paging.First), c.GetArgument<string?>(Paging.After), Today(c), OutcomeHistoryScope.For(guard),
                    listed => c.Disclosures().Granted(c.Coordinate(), listed), c.CancellationToken);
            });

        query.Field<StringGraphType>("outcomeHistoryFhir").Costs(FieldCost.Bundle)
            .Description("The outcome history as a FHIR R4 Bundle (type collection) in FHIR JSON, the same document GET /fhir/episodes/{id}/outcome-history answers; null when there is none.")
            .AuthorizeWithPolicy(Policies.ReadOutcomeHistories)
            .Argument<NonNullGraphType<IdGraphType>>("episodeId")
            .ResolveAsync(async c =>
            {
                var clock = c.RequestServices!.GetRequiredService<TimeProvider>();
                return await OutcomeHistoryFhir.Json(c.Query(), c.GetArgument<Guid>("episodeId"), clock, Permit(c), c.CancellationToken);
            });
    }

    private static OutcomeHistoryPermit Permit(IResolveFieldContext c) => OutcomeHistoryAccess.Permit(c.Access(), c.Coordinate());

    private static DateOnly Today(IResolveFieldContext context) =>
        context.RequestServices!.GetRequiredService<TimeProvider>().Today();
}
