using GraphQL;
using GraphQL.Types;
using GraphQL.Types.Relay;
using RehabLedger.GraphQL;

namespace RehabLedger.Audit;

public static class AuditFields
{
    public static void AddAuditQueries(this ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ConnectionType<ProgramHistoryEntryType>>>("programHistory")
            .Description("Every change to an episode's exercise program and every correction of one, in recording order.")
            .Argument<NonNullGraphType<IdGraphType>>("episodeId")
            .PagingArguments()
            .ResolveAsync(async c => await ProgramHistoryQuery.Page(c.Query(), c.GetArgument<Guid>("episodeId"),
                c.GetArgument<int?>(Paging.First), c.GetArgument<string?>(Paging.After), c.CancellationToken));

        query.Field<NonNullGraphType<ProgramAsOfType>>("programAsOf")
            .Description("The exercise program as it stood. Give exactly one of recordedAt, effectiveOn or version.")
            .Argument<NonNullGraphType<IdGraphType>>("episodeId")
            .Argument<DateTimeOffsetGraphType>("recordedAt", "What the record said at this instant: later entries and later corrections do not count.")
            .Argument<DateOnlyGraphType>("effectiveOn", "What the patient was prescribed on this day, every correction applied.")
            .Argument<LongGraphType>("version", "What the record said at this version of the episode's stream.")
            .ResolveAsync(async c => await ProgramAsOfQuery.Answer(c.Query(), c.GetArgument<Guid>("episodeId"),
                c.GetArgument<DateTimeOffset?>("recordedAt"), c.GetArgument<DateOnly?>("effectiveOn"), c.GetArgument<long?>("version"),
                c.CancellationToken));

        query.Field<NonNullGraphType<ConnectionType<LedgerEventType>>>("episodeEvents")
            .Description("An episode's events exactly as stored, with their metadata, in version order.")
            .Argument<NonNullGraphType<IdGraphType>>("episodeId")
            .PagingArguments()
            .ResolveAsync(async c => await EpisodeEventsQuery.Page(c.Query(), c.GetArgument<Guid>("episodeId"),
                c.GetArgument<int?>(Paging.First), c.GetArgument<string?>(Paging.After), c.CancellationToken));

        query.Field<NonNullGraphType<ConnectionType<LedgerEventType>>>("auditTrail")
            .Description("Events across all streams, newest first, filtered. Pages by the global sequence; no totalCount.")
            .Argument<AuditFilterInputType>("filter")
            .PagingArguments()
            .ResolveAsync(async c => await AuditTrail.Page(c.Query(), c.GetArgument<AuditFilter?>("filter"),
                c.GetArgument<int?>(Paging.First), c.GetArgument<string?>(Paging.After), c.CancellationToken));
    }
}
