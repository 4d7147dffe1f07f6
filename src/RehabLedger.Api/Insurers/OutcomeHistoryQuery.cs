using GraphQL.Types.Relay.DataObjects;
using JasperFx.Events;
using Marten;
using RehabLedger.Common;
using RehabLedger.Disclosures;
using RehabLedger.Episodes;
using RehabLedger.GraphQL;
using RehabLedger.Patients;
using RehabLedger.Sessions;

namespace RehabLedger.Insurers;

/// <summary>The documents an outcome history is built from, and for the FHIR export the episode's events.</summary>
public sealed record OutcomeHistorySources(Episode Episode, EpisodeSessions Sessions, Patient Patient, IReadOnlyList<IEvent> Events);

/// <summary>The episode an outcome history would be of and its patient: what the access decision needs.</summary>
public sealed record OutcomeHistorySubject(Episode Episode, Patient Patient);

/// <summary>Whether the caller may read the outcome history of the episode with this id, given what was found under it (null when nothing).</summary>
public delegate bool OutcomeHistoryPermit(Guid episodeId, OutcomeHistorySubject? found);

/// <summary>
/// Loads outcome histories with a fixed number of round trips: one episode costs two (the episode with its patient,
/// then its sessions, home logs and events in one batch); a page of a payer's episodes costs two whatever its size
/// (the matching keys, then the page's episodes, their sessions and home logs, and patients in one batch).
/// </summary>
public static class OutcomeHistoryQuery
{
    /// <summary>
    /// The episode and its patient in one round trip, whatever is found: access is decided on these before anything
    /// else is read, so refusing an episode costs what an unknown id costs.
    /// </summary>
    public static async Task<OutcomeHistorySubject?> Subject(IQuerySession session, Guid episodeId, CancellationToken ct)
    {
        var patients = new List<Patient>();
        var episode = (await session.Query<Episode>().Include(e => e.PatientId, patients).Where(e => e.Id == episodeId).ToListAsync(ct))
            .SingleOrDefault();
        return episode is null ? null : new OutcomeHistorySubject(episode, patients.Single());
    }

    /// <summary>The documents the history is built from, once <paramref name="may"/> allowed it; null otherwise.</summary>
    public static async Task<OutcomeHistorySources?> Sources(IQuerySession session, Guid episodeId, bool withEvents, OutcomeHistoryPermit may,
        CancellationToken ct)
    {
        var found = await Subject(session, episodeId, ct);
        if (!may(episodeId, found)) return null;
        var (episode, patient) = (found!.Episode, found.Patient);

        var batch = session.CreateBatchQuery();
        var entries = EpisodeSessionsQuery.Add(batch, [episodeId]);
        var events = withEvents ? batch.Events.FetchStream(episodeId) : null;
        await batch.Execute(ct);

        return new OutcomeHistorySources(episode, (await entries.ReadAsync())(episode), patient, events is null ? [] : await events);
    }

    /// <param name="may">Whether the caller may read it; when not, the answer is null as for an unknown episode.</param>
    public static async Task<OutcomeHistory?> One(IQuerySession session, Guid episodeId, DateOnly today, OutcomeHistoryPermit may,
        CancellationToken ct) =>
        await Sources(session, episodeId, withEvents: false, may, ct) is { } s
            ? OutcomeHistoryBuilder.Of(s.Episode, s.Sessions, s.Patient, today)
            : null;

    private sealed record EpisodeKey(Guid Id, DateOnly StartedOn, Guid PatientId, Guid ClinicId);

    /// <summary>
    /// The episodes whose coverage names <paramref name="payerId"/> and whose period (start to discharge, or to today
    /// while active) overlaps [from, to], oldest start first, ties by id. The keys of every match are read (a few
    /// bytes each, through the payer index), the page is cut in memory by <see cref="Paging"/>, and only the page's
    /// documents are loaded; <paramref name="listed"/> hears of each episode on the page. Only the episodes <paramref name="scope"/> admits are listed: for an insurer, whose
    /// patients' consent to the payer is active, which costs one more round trip.
    /// </summary>
    public static async Task<Connection<OutcomeHistory>> Page(IQuerySession session, string payerId, DateOnly from, DateOnly to,
        int? first, string? after, DateOnly today, OutcomeHistoryScope scope, Action<DisclosureSubject> listed, CancellationToken ct)
    {
        Paging.PageSize(first); // refuse an oversized page before touching the database
        CheckPeriod(from, to);

        var keys = (await Covering(session, payerId, from, to, today)
                .Select(e => new { e.Id, e.StartedOn, e.PatientId, e.ClinicId })
                .ToListAsync(ct))
            .Select(k => new EpisodeKey(k.Id, k.StartedOn, k.PatientId, k.ClinicId))
            .Where(k => scope.Clinics is null || scope.Clinics.Contains(k.ClinicId))
            .OrderBy(k => k.StartedOn).ThenBy(k => k.Id)
            .ToList();
        if (scope.ConsentRequired && keys.Count > 0)
        {
            var consenting = (await Consenting(session, payerId, keys.Select(k => k.PatientId).Distinct().ToArray(), ct)).ToHashSet();
            keys = keys.Where(k => consenting.Contains(k.PatientId)).ToList();
        }
        var page = Paging.Page(keys, k => k.Id.ToString(), first, after);
        var pageKeys = page.Edges!.Select(e => e.Node!).ToList();
        foreach (var key in pageKeys) listed(new DisclosureSubject(key.ClinicId, key.PatientId, key.Id));

        var histories = new Dictionary<Guid, OutcomeHistory>();
        if (pageKeys.Count > 0)
        {
            var ids = pageKeys.Select(k => k.Id).ToArray();
            var batch = session.CreateBatchQuery();
            var episodes = batch.LoadMany<Episode>().ById(ids);
            var entries = EpisodeSessionsQuery.Add(batch, ids);
            var patients = batch.LoadMany<Patient>().ById(pageKeys.Select(k => k.PatientId).Distinct().ToArray());
            await batch.Execute(ct);

            var entriesOf = await entries.ReadAsync();
            var patientById = (await patients).ToDictionary(p => p.Id);
            foreach (var episode in await episodes)
            {
                var history = OutcomeHistoryBuilder.Of(episode, entriesOf(episode), patientById[episode.PatientId], today);
                if (history is not null) histories[episode.Id] = history;
            }
        }

        return new Connection<OutcomeHistory>
        {
            TotalCount = page.TotalCount,
            PageInfo = page.PageInfo,
            Edges = page.Edges!.Select(e => new Edge<OutcomeHistory> { Cursor = e.Cursor, Node = histories[e.Node!.Id] }).ToList(),
        };
    }

    public static void CheckPeriod(DateOnly from, DateOnly to) =>
        Validate.That(from <= to, "to", $"to ({to:yyyy-MM-dd}) is before from ({from:yyyy-MM-dd}).");

    private static Task<IReadOnlyList<Guid>> Consenting(IQuerySession session, string payerId, Guid[] patientIds, CancellationToken ct) =>
        session.Query<Patient>()
            .Where(p => patientIds.Contains(p.Id) && p.Consents.Any(c => c.PayerId == payerId && c.RevokedAt == null))
            .Select(p => p.Id)
            .ToListAsync(ct);

    private static IQueryable<Episode> Covering(IQuerySession session, string payerId, DateOnly from, DateOnly to, DateOnly today)
    {
        var query = session.Query<Episode>().Where(e => e.Coverage!.PayerId == payerId && e.StartedOn <= to);
        // An active episode runs to today: it reaches into the period only when today does.
        return today >= from
            ? query.Where(e => e.DischargedOn == null || e.DischargedOn >= from)
            : query.Where(e => e.DischargedOn != null && e.DischargedOn >= from);
    }
}
