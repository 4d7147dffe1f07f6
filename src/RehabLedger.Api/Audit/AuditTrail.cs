using System.Text.RegularExpressions;
using GraphQL.Types.Relay.DataObjects;
using Marten;
using RehabLedger.Common;
using RehabLedger.Episodes;
using RehabLedger.GraphQL;
using RehabLedger.Patients;

namespace RehabLedger.Audit;

/// <summary>What an auditor narrows the trail to. Every given filter must hold; none given is the whole store.</summary>
public sealed class AuditFilter
{
    public string? ActorId { get; set; }
    public Guid? PatientId { get; set; }
    public Guid? EpisodeId { get; set; }
    public List<string>? EventTypes { get; set; }
    public DateTimeOffset? From { get; set; }
    public DateTimeOffset? To { get; set; }
}

/// <summary>The filter as SQL conditions: streams resolved to ids, the cursor as a sequence bound.</summary>
public sealed record AuditQuery(
    long? BeforeSequence,
    string? ActorId,
    IReadOnlyCollection<Guid>? StreamIds,
    IReadOnlyCollection<string>? EventTypes,
    DateTimeOffset? From,
    DateTimeOffset? To);

/// <summary>
/// Every event across all streams, newest first, paged by the global sequence: a page asks for the events below
/// the last sequence it has seen. Newest first because an auditor starts from what just happened, and because
/// events appended while paging sort above the cursor, so a walk through the pages neither repeats nor skips one.
/// </summary>
public static partial class AuditTrail
{
    public const int MaxEventTypeLength = 100;

    // Marten names an event type by its class in snake case: exercise_prescribed.
    [GeneratedRegex("^[a-z][a-z0-9_]*$")]
    private static partial Regex EventTypePattern();

    /// <param name="scope">The streams the caller may audit; null for every stream. Filters naming a patient or
    /// episode outside it match nothing, exactly like ids that do not exist.</param>
    public static async Task<Connection<LedgerEvent>> Page(IQuerySession session, AuditFilter? filter, int? first, string? after,
        AuditScope? scope, CancellationToken ct)
    {
        var size = Paging.PageSize(first);
        filter ??= new AuditFilter();
        var before = after is null ? (long?)null : KeysetPaging.KeyOf(after);
        var types = EventTypes(filter.EventTypes);
        Validate.That(filter.From is null || filter.To is null || filter.From < filter.To, "filter.to",
            "filter.to must be later than filter.from (from is inclusive, to exclusive).");
        Validate.That(filter.ActorId is null || filter.ActorId.Length is > 0 and <= Validate.ShortText, "filter.actorId",
            $"filter.actorId must be 1 to {Validate.ShortText} characters.");

        var streams = await Streams(session, filter, ct);
        if (scope is not null) streams = streams is null ? [.. scope.Streams.Keys] : [.. streams.Where(scope.Streams.ContainsKey)];
        var rows = streams is { Count: 0 }
            ? []
            : await Ledger.Trail(session, new AuditQuery(before, filter.ActorId, streams, types, filter.From, filter.To), size + 1, ct);
        // No total count: counting a filter over the whole store would cost what the keyset paging saves.
        return KeysetPaging.Page(rows, size, e => e.Sequence, continued: before is not null);
    }

    /// <summary>
    /// The streams the patient and episode filters allow, null when neither is given. Both are looked up in one
    /// batch, so an id of another kind of stream (a clinic given as a patient) matches nothing.
    /// </summary>
    private static async Task<IReadOnlyCollection<Guid>?> Streams(IQuerySession session, AuditFilter filter, CancellationToken ct)
    {
        if (filter.PatientId is null && filter.EpisodeId is null) return null;
        var batch = session.CreateBatchQuery();
        var patient = filter.PatientId is { } p ? batch.Load<Patient>(p) : null;
        // A patient's record is their own stream and the streams of all their episodes.
        var episodesOfPatient = filter.PatientId is { } q ? batch.Query<Episode>().Where(e => e.PatientId == q).Select(e => e.Id).ToList() : null;
        var episode = filter.EpisodeId is { } id ? batch.Query<Episode>().Where(e => e.Id == id).Select(e => e.Id).ToList() : null;
        await batch.Execute(ct);

        HashSet<Guid>? streams = null;
        if (patient is not null)
        {
            if (await patient is not { } found) return [];
            streams = [found.Id, .. await episodesOfPatient!];
        }
        if (episode is null) return streams;
        var episodeId = (await episode).SingleOrDefault();
        return episodeId == Guid.Empty || streams?.Contains(episodeId) == false ? [] : [episodeId];
    }

    private static IReadOnlyCollection<string>? EventTypes(List<string>? types)
    {
        if (types is null) return null;
        Validate.That(types.Count > 0, "filter.eventTypes", "filter.eventTypes is empty; leave it out to include every event type.");
        for (var i = 0; i < types.Count; i++)
            Validate.That(types[i].Length <= MaxEventTypeLength && EventTypePattern().IsMatch(types[i]), $"filter.eventTypes[{i}]",
                $"'{types[i]}' is not an event type name: they are written in snake case, as in exercise_prescribed.");
        return types.Distinct().ToList();
    }
}
