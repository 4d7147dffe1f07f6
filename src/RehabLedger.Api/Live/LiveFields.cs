using GraphQL;
using GraphQL.Types;
using RehabLedger.Access;
using RehabLedger.Audit;
using RehabLedger.Common;
using RehabLedger.Episodes;
using RehabLedger.GraphQL;
using RehabLedger.GraphQL.Cost;
using RehabLedger.Security;

namespace RehabLedger.Live;

/// <summary>
/// The subscriptions. Each one is refused at the start exactly as the query over the same data (the same policy, the
/// same NOT_FOUND or FORBIDDEN), then every event it delivers is decided and accounted again as its own operation
/// (<see cref="LiveOperation"/>). Every payload carries the global sequence of its event: subscribe again with
/// <c>since</c> set to the last one received to get everything after it, once.
/// </summary>
public static class LiveFields
{
    /// <summary>The access log's own entries are read through accessLog; delivering them would also feed back every delivery's accounting.</summary>
    private const string AccessRecordType = "disclosure_recorded";

    public static void AddLiveSubscriptions(this ObjectGraphType subscription)
    {
        subscription.Field<NonNullGraphType<EpisodeChangeType>>("episodeChanges").Costs(FieldCost.StreamFold)
            .Description("Each new entry of an episode as it is recorded, with the episode's new version.")
            .AuthorizeWithPolicy(Policies.ReadClinic)
            .Argument<NonNullGraphType<IdGraphType>>("episodeId")
            .Argument<LongGraphType>("since", SinceDescription)
            .Resolve(LiveOperation.Deliver)
            .ResolveStreamAsync(async c =>
            {
                LiveOperation.CheckSince(c.GetArgument<long?>("since"));
                var episodeId = c.GetArgument<Guid>("episodeId");
                if (await c.ReadableEpisode(episodeId) is null) throw ClinicalRuleViolation.NotFound("episode", episodeId, "episodeId");
                var owners = c.RequestServices!.GetRequiredService<EpisodeOwners>();
                var coordinate = c.Coordinate();
                return await LiveOperation.Stream(c, async (access, session, e, ct) =>
                {
                    if (e.StreamId != episodeId) return null;
                    var owner = await owners.Find(session, episodeId, _ => true, ct);
                    if (access.ReadableEpisode(coordinate, episodeId, owner) is null) throw LiveOperation.Revoked($"episode {episodeId}");
                    return new EpisodeChange(e.Sequence, episodeId, e.Version, e);
                });
            });

        subscription.Field<NonNullGraphType<CaseloadChangeType>>("caseloadChanges").Costs(FieldCost.StreamFold)
            .Description("Each change to an episode on a clinic's caseload (its flags and figures follow from it): read the row again with caseload.")
            .AuthorizeWithPolicy(Policies.ReadClinic)
            .Argument<NonNullGraphType<IdGraphType>>("clinicId")
            .Argument<LongGraphType>("since", SinceDescription)
            .Resolve(LiveOperation.Deliver)
            .ResolveStreamAsync(async c =>
            {
                LiveOperation.CheckSince(c.GetArgument<long?>("since"));
                var clinicId = c.GetArgument<Guid>("clinicId");
                c.RequireClinic(clinicId, (guard, clinic) => guard.CanRead(clinic), "clinicId");
                var owners = c.RequestServices!.GetRequiredService<EpisodeOwners>();
                var coordinate = c.Coordinate();
                return await LiveOperation.Stream(c, async (access, session, e, ct) =>
                {
                    if (e.Type == AccessRecordType) return null;
                    var owner = await owners.Find(session, e.StreamId, _ => true, ct);
                    if (owner is null || owner.ClinicId != clinicId) return null;
                    if (!access.Record(coordinate, owner.Id, EpisodeAccess.Read(access.Guard, owner))) throw LiveOperation.Revoked($"clinic {clinicId}");
                    return new CaseloadChange(e.Sequence, clinicId, owner.Id, e.Version, e.Type, e.RecordedAt);
                });
            });

        subscription.Field<NonNullGraphType<LedgerEventType>>("auditTrail").Costs(FieldCost.StreamFold)
            .Description("Events across the streams of your clinics (all streams for a platform administrator) as they are appended, " +
                         "filtered as the auditTrail query filters them. The access log's own entries are read through accessLog.")
            .AuthorizeWithPolicy(Policies.ReadAuditTrail)
            .Argument<AuditFilterInputType>("filter")
            .Argument<LongGraphType>("since", SinceDescription)
            .Resolve(LiveOperation.Deliver)
            .ResolveStreamAsync(async c =>
            {
                LiveOperation.CheckSince(c.GetArgument<long?>("since"));
                var filter = LiveAuditFilter.Checked(c.GetArgument<AuditFilter?>("filter"));
                var coordinate = c.Coordinate();
                return await LiveOperation.Stream(c, async (access, session, e, ct) =>
                {
                    if (e.Type == AccessRecordType || !filter.MatchesEvent(e)) return null;
                    var subjects = await AuditScope.Subjects(session, [e.StreamId], ct);
                    var subject = subjects.GetValueOrDefault(e.StreamId);
                    if (!filter.MatchesStream(e.StreamId, subject)) return null;
                    // As the query: the caller's clinics only, and a patient's data accounted as read. Streams that
                    // are no patient's or episode's (clinics, therapists) are a platform administrator's alone here.
                    if (subject is null) return access.Guard.SeesEveryClinic ? e : null;
                    if (!access.Guard.CanRead(subject.ClinicId!.Value)) return null;
                    access.Log.Granted(coordinate, subject);
                    return e;
                });
            });
    }

    private const string SinceDescription =
        "Resume after this global sequence (the sequence of the last message received): every later event is delivered once. " +
        "Without it, only events appended after the subscription starts.";
}
