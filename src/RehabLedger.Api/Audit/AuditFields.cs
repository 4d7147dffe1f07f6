using GraphQL;
using GraphQL.Types;
using GraphQL.Types.Relay;
using RehabLedger.Access;
using RehabLedger.Common;
using RehabLedger.Episodes;
using RehabLedger.GraphQL;
using RehabLedger.Security;
using RehabLedger.GraphQL.Cost;

namespace RehabLedger.Audit;

public static class AuditFields
{
    public static void AddAuditQueries(this ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ConnectionType<ProgramHistoryEntryType>>>("programHistory").Costs(FieldCost.StreamFold)
            .Description("Every change to an episode's exercise program and every correction of one, in recording order.")
            .AuthorizeWithPolicy(Policies.ReadClinic)
            .Argument<NonNullGraphType<IdGraphType>>("episodeId")
            .PagingArguments()
            .ResolveAsync(async c => await ProgramHistoryQuery.Page(c.Query(), await AuditedEpisode(c),
                c.GetArgument<int?>(Paging.First), c.GetArgument<string?>(Paging.After), c.CancellationToken));

        query.Field<NonNullGraphType<ProgramAsOfType>>("programAsOf").Costs(FieldCost.StreamFold)
            .Description("The exercise program as it stood. Give exactly one of recordedAt, effectiveOn or version.")
            .AuthorizeWithPolicy(Policies.ReadClinic)
            .Argument<NonNullGraphType<IdGraphType>>("episodeId")
            .Argument<DateTimeOffsetGraphType>("recordedAt", "What the record said at this instant: later entries and later corrections do not count.")
            .Argument<DateOnlyGraphType>("effectiveOn", "What the patient was prescribed on this day, every correction applied.")
            .Argument<LongGraphType>("version", "What the record said at this version of the episode's stream.")
            .CheckArguments(c => ProgramAsOfQuery.Check(c.GetArgument<DateTimeOffset?>("recordedAt"), c.GetArgument<DateOnly?>("effectiveOn"),
                c.GetArgument<long?>("version")))
            .ResolveAsync(async c => await ProgramAsOfQuery.Answer(c.Query(), await AuditedEpisode(c),
                c.GetArgument<DateTimeOffset?>("recordedAt"), c.GetArgument<DateOnly?>("effectiveOn"), c.GetArgument<long?>("version"),
                c.CancellationToken));

        query.Field<NonNullGraphType<ConnectionType<LedgerEventType>>>("episodeEvents").Costs(FieldCost.Page)
            .Description("An episode's events exactly as stored, with their metadata, in version order.")
            .AuthorizeWithPolicy(Policies.ReadAuditTrail)
            .Argument<NonNullGraphType<IdGraphType>>("episodeId")
            .PagingArguments(KeysetPaging.CheckCursor)
            .ResolveAsync(async c => await EpisodeEventsQuery.Page(c.Query(), await AuditedEpisode(c),
                c.GetArgument<int?>(Paging.First), c.GetArgument<string?>(Paging.After), c.CancellationToken));

        query.Field<NonNullGraphType<ConnectionType<LedgerEventType>>>("auditTrail").Costs(FieldCost.Page)
            .Description("Events across the streams of your clinics (all streams for a platform administrator), newest first, " +
                         "filtered. Pages by the global sequence; no totalCount.")
            .AuthorizeWithPolicy(Policies.ReadAuditTrail)
            .Argument<AuditFilterInputType>("filter")
            .PagingArguments(KeysetPaging.CheckCursor)
            .ResolveAsync(async c =>
            {
                var scope = await AuditScope.For(c.Query(), c.Guard().ClinicScope, c.CancellationToken);
                var page = await AuditTrail.Page(c.Query(), c.GetArgument<AuditFilter?>("filter"),
                    c.GetArgument<int?>(Paging.First), c.GetArgument<string?>(Paging.After), scope, c.CancellationToken);
                var streams = page.Edges!.Select(edge => edge.Node!.StreamId).Distinct().ToArray();
                var subjects = scope?.Streams ?? await AuditScope.Subjects(c.Query(), streams, c.CancellationToken);
                foreach (var stream in streams)
                    if (subjects.TryGetValue(stream, out var subject)) c.Disclosures().Granted(c.Coordinate(), subject);
                return page;
            });
    }

    /// <summary>
    /// The episode an audit field names, once the caller may read its clinic. An episode of another clinic is answered
    /// NOT_FOUND on episodeId exactly like an unknown one, at the same cost, and both are recorded alike. The field's
    /// other arguments were checked before (see <see cref="ArgumentChecks"/>). The owner comes through the request's
    /// batch, so several audit fields on one episode look it up once.
    /// </summary>
    private static async Task<Guid> AuditedEpisode(IResolveFieldContext c)
    {
        var episodeId = c.GetArgument<Guid>("episodeId");
        var guard = c.Guard();
        var owner = await c.Batch()
            .LoadBy<EpisodeOwner?>("episode-owner", episodeId,
                async (session, ids, ct) => (await c.RequestServices!.GetRequiredService<EpisodeOwners>().Find(session, ids, e => guard.CanRead(e.ClinicId), ct))!,
                null)
            .GetResultAsync(c.CancellationToken);
        if (c.Access().ReadableEpisode(c.Coordinate(), episodeId, owner) is null)
            throw ClinicalRuleViolation.NotFound("episode", episodeId, "episodeId");
        return episodeId;
    }
}
