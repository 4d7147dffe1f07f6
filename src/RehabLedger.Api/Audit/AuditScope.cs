using Marten;
using RehabLedger.Clinics;
using RehabLedger.Disclosures;
using RehabLedger.Episodes;
using RehabLedger.Patients;

namespace RehabLedger.Audit;

/// <summary>
/// The streams of the clinics a caller may audit, each with whose record it is: the clinics' own streams, their
/// therapists', their patients' and their episodes'. The audit trail is read only within these; the streams the access
/// log is projected from are not among them (their entries are read through <c>accessLog</c>, where each clinic sees
/// only its side of a refusal).
/// </summary>
public sealed record AuditScope(IReadOnlyDictionary<Guid, DisclosureSubject> Streams)
{
    /// <summary>Null for a caller who sees every clinic. One round trip for the ids of all four kinds of stream.</summary>
    public static async Task<AuditScope?> For(IQuerySession session, IReadOnlySet<Guid>? clinics, CancellationToken ct)
    {
        if (clinics is null) return null;
        var ids = clinics.ToArray();
        var batch = session.CreateBatchQuery();
        var existing = batch.Query<Clinic>().Where(c => ids.Contains(c.Id)).Select(c => c.Id).ToList();
        var therapists = batch.Query<Therapist>().Where(t => ids.Contains(t.ClinicId)).Select(t => new StreamOwner { Id = t.Id, ClinicId = t.ClinicId }).ToList();
        var patients = batch.Query<Patient>().Where(p => ids.Contains(p.ClinicId))
            .Select(p => new StreamOwner { Id = p.Id, ClinicId = p.ClinicId, PatientId = p.Id }).ToList();
        var episodes = batch.Query<Episode>().Where(e => ids.Contains(e.ClinicId))
            .Select(e => new StreamOwner { Id = e.Id, ClinicId = e.ClinicId, PatientId = e.PatientId, EpisodeId = e.Id }).ToList();
        await batch.Execute(ct);

        var streams = (await existing).ToDictionary(id => id, DisclosureSubject.Clinic);
        foreach (var owner in (await therapists).Concat(await patients).Concat(await episodes))
            streams[owner.Id] = new DisclosureSubject(owner.ClinicId, owner.PatientId, owner.EpisodeId);
        return new AuditScope(streams);
    }

    /// <summary>
    /// Whose data each of <paramref name="streamIds"/> holds, for a caller who sees every clinic and so has no scope to
    /// look it up in: the patients' and the episodes' streams (other streams hold no patient data). One round trip, none
    /// for an empty page.
    /// </summary>
    public static async Task<IReadOnlyDictionary<Guid, DisclosureSubject>> Subjects(IQuerySession session, Guid[] streamIds, CancellationToken ct)
    {
        if (streamIds.Length == 0) return new Dictionary<Guid, DisclosureSubject>();
        var batch = session.CreateBatchQuery();
        var patients = batch.Query<Patient>().Where(p => streamIds.Contains(p.Id))
            .Select(p => new StreamOwner { Id = p.Id, ClinicId = p.ClinicId, PatientId = p.Id }).ToList();
        var episodes = batch.Query<Episode>().Where(e => streamIds.Contains(e.Id))
            .Select(e => new StreamOwner { Id = e.Id, ClinicId = e.ClinicId, PatientId = e.PatientId, EpisodeId = e.Id }).ToList();
        await batch.Execute(ct);
        return (await patients).Concat(await episodes)
            .ToDictionary(o => o.Id, o => new DisclosureSubject(o.ClinicId, o.PatientId, o.EpisodeId));
    }

    private sealed class StreamOwner
    {
        public Guid Id { get; set; }
        public Guid ClinicId { get; set; }
        public Guid? PatientId { get; set; }
        public Guid? EpisodeId { get; set; }
    }
}
