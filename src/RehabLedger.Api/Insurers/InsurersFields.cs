using GraphQL;
using GraphQL.Types;
using GraphQL.Types.Relay;
using Microsoft.Extensions.DependencyInjection;
using RehabLedger.Common;
using RehabLedger.GraphQL;
using RehabLedger.Insurers.Fhir;

namespace RehabLedger.Insurers;

/// <summary>The insurer queries: kept apart from the clinical ones so an authorization rule can give payers these and no others.</summary>
public static class InsurersFields
{
    public static void AddInsurerQueries(this ObjectGraphType query)
    {
        query.Field<OutcomeHistoryType>("outcomeHistory")
            .Description("The outcome history of one episode for its payer; null when no episode has this id or it names no payer.")
            .Argument<NonNullGraphType<IdGraphType>>("episodeId")
            .ResolveAsync(async c => await OutcomeHistoryQuery.One(c.Query(), c.GetArgument<Guid>("episodeId"), Today(c), c.CancellationToken));

        query.Field<NonNullGraphType<ConnectionType<OutcomeHistoryType>>>("outcomeHistories")
            .Description("The episodes whose coverage names this payer and whose period (start to discharge, or to today while active) overlaps [from, to], oldest start first.")
            .Argument<NonNullGraphType<StringGraphType>>("payerId")
            .Argument<NonNullGraphType<DateOnlyGraphType>>("from", "First day of the period.")
            .Argument<NonNullGraphType<DateOnlyGraphType>>("to", "Last day of the period, inclusive; not before from.")
            .PagingArguments()
            .ResolveAsync(async c => await OutcomeHistoryQuery.Page(c.Query(), c.GetArgument<string>("payerId"),
                c.GetArgument<DateOnly>("from"), c.GetArgument<DateOnly>("to"), c.GetArgument<int?>(Paging.First),
                c.GetArgument<string?>(Paging.After), Today(c), c.CancellationToken));

        query.Field<StringGraphType>("outcomeHistoryFhir")
            .Description("The outcome history as a FHIR R4 Bundle (type collection) in FHIR JSON, the same document GET /fhir/episodes/{id}/outcome-history answers; null when there is none.")
            .Argument<NonNullGraphType<IdGraphType>>("episodeId")
            .ResolveAsync(async c =>
            {
                var clock = c.RequestServices!.GetRequiredService<TimeProvider>();
                return await OutcomeHistoryFhir.Json(c.Query(), c.GetArgument<Guid>("episodeId"), clock, c.CancellationToken);
            });
    }

    private static DateOnly Today(IResolveFieldContext context) =>
        context.RequestServices!.GetRequiredService<TimeProvider>().Today();
}
