using System.Linq.Expressions;
using Marten;
using Marten.Linq;
using RehabLedger.Clinics;
using RehabLedger.Episodes;
using RehabLedger.Patients;

namespace RehabLedger.Caseload;

public enum CaseloadOrder
{
    PatientName,
    MostFlags,
    LongestWithoutAttendance,
    LatestStart,
}

/// <summary>One row of the dashboard: the episode's facts, its people, and where it stands today.</summary>
public sealed record CaseloadEntry(CaseloadRow Row, Patient Patient, Therapist Therapist, CaseloadStatus Status);

/// <summary>
/// A clinic's active episodes with their flags for a day. Flags depend on today, so they are computed here for every
/// active row of the clinic (a clinic's caseload is hundreds of rows, not millions), then filtered, ordered and paged.
/// Two round trips whatever the page size: the rows, then their patients and therapists in one batch.
/// </summary>
public static class CaseloadQuery
{
    public static async Task<IReadOnlyList<CaseloadEntry>> Entries(IQuerySession session, Guid clinicId, Guid? therapistId,
        IReadOnlyCollection<CaseloadFlag> flags, CaseloadOrder order, DateOnly today, CancellationToken ct)
    {
        var rows = (therapistId is { } therapist
            ? await session.QueryAsync(new ActiveRowsOfTherapist { ClinicId = clinicId, TherapistId = therapist }, ct)
            : await session.QueryAsync(new ActiveRowsOfClinic { ClinicId = clinicId }, ct)).ToList();
        if (rows.Count == 0) return [];

        var batch = session.CreateBatchQuery();
        var patients = batch.LoadMany<Patient>().ById(rows.Select(r => r.PatientId).Distinct().ToArray());
        var therapists = batch.LoadMany<Therapist>().ById(rows.Select(r => r.TherapistId).Distinct().ToArray());
        await batch.Execute(ct);
        var patientById = (await patients).ToDictionary(p => p.Id);
        var therapistById = (await therapists).ToDictionary(t => t.Id);

        var entries = rows
            .Select(r => new CaseloadEntry(r, patientById[r.PatientId], therapistById[r.TherapistId], CaseloadFlags.Evaluate(r, today)))
            .Where(e => flags.Count == 0 || flags.Any(e.Status.Flags.Contains));
        return Order(entries, order).ToList();
    }

    /// <summary>Compiled: a dashboard asks this on every refresh, and Marten then skips translating the LINQ each time.</summary>
    public sealed class ActiveRowsOfClinic : ICompiledListQuery<CaseloadRow>
    {
        public Guid ClinicId { get; set; }

        public Expression<Func<IMartenQueryable<CaseloadRow>, IEnumerable<CaseloadRow>>> QueryIs() =>
            q => q.Where(r => r.ClinicId == ClinicId && r.Status == EpisodeStatus.Active);
    }

    /// <inheritdoc cref="ActiveRowsOfClinic"/>
    public sealed class ActiveRowsOfTherapist : ICompiledListQuery<CaseloadRow>
    {
        public Guid ClinicId { get; set; }
        public Guid TherapistId { get; set; }

        public Expression<Func<IMartenQueryable<CaseloadRow>, IEnumerable<CaseloadRow>>> QueryIs() =>
            q => q.Where(r => r.ClinicId == ClinicId && r.Status == EpisodeStatus.Active && r.TherapistId == TherapistId);
    }

    /// <summary>Every order ends with the episode id, so pages are stable.</summary>
    private static IEnumerable<CaseloadEntry> Order(IEnumerable<CaseloadEntry> entries, CaseloadOrder order)
    {
        var ordered = order switch
        {
            CaseloadOrder.MostFlags => entries.OrderByDescending(e => e.Status.Flags.Count).ThenBy(e => e.Patient.FamilyName).ThenBy(e => e.Patient.GivenName),
            CaseloadOrder.LongestWithoutAttendance => entries.OrderByDescending(e => e.Status.DaysSinceAttendance).ThenBy(e => e.Patient.FamilyName),
            CaseloadOrder.LatestStart => entries.OrderByDescending(e => e.Row.StartedOn).ThenBy(e => e.Patient.FamilyName),
            _ => entries.OrderBy(e => e.Patient.FamilyName, StringComparer.OrdinalIgnoreCase).ThenBy(e => e.Patient.GivenName, StringComparer.OrdinalIgnoreCase),
        };
        return ordered.ThenBy(e => e.Row.Id);
    }
}
