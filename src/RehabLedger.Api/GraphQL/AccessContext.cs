using GraphQL;
using RehabLedger.Clinics;
using RehabLedger.Disclosures;
using RehabLedger.Episodes;
using RehabLedger.Patients;
using RehabLedger.Security;

namespace RehabLedger.GraphQL;

/// <summary>
/// Resolvers' side of clinic isolation: the request's <see cref="AccessGuard"/>, the access log, and the two ways a
/// record outside the caller's reach is answered.
/// </summary>
public static class AccessContext
{
    public static AccessGuard Guard(this IResolveFieldContext context) =>
        context.RequestServices!.GetRequiredService<AccessGuard>();

    public static DisclosureLog Disclosures(this IResolveFieldContext context) =>
        context.RequestServices!.GetRequiredService<DisclosureLog>();

    /// <summary>The field's schema coordinate, <c>Query.episode</c>: what the access log names as the operation.</summary>
    public static string Coordinate(this IResolveFieldContext context) => $"{context.ParentType.Name}.{context.FieldDefinition.Name}";

    /// <summary>
    /// A record looked up by id, as the caller may see it: itself when its clinic is within reach, else null exactly as
    /// for an id that does not exist. Both misses are recorded alike (see <see cref="DisclosureLog.Unreachable"/>), so
    /// neither the answer nor its cost tells them apart. A read by an auditor is recorded as a disclosure.
    /// </summary>
    public static T? Readable<T>(this IResolveFieldContext context, Guid id, T? found, Func<T, DisclosureSubject> subjectOf) where T : class
    {
        var subject = found is null ? null : subjectOf(found);
        if (subject is null || !context.Guard().CanRead(subject.ClinicId!.Value))
        {
            context.Disclosures().Unreachable(context.Coordinate(), id, subject, "The record belongs to a clinic outside the caller's clinics.");
            return null;
        }
        context.Disclosures().Granted(context.Coordinate(), subject);
        return found;
    }

    /// <summary>The record the field's <c>id</c> argument names, as <see cref="Readable{T}"/> lets the caller see it.</summary>
    public static async Task<T?> ReadableById<T>(this IResolveFieldContext context, Func<T, DisclosureSubject> subjectOf) where T : class
    {
        var id = context.GetArgument<Guid>("id");
        return context.Readable(id, await context.Query().LoadAsync<T>(id, context.CancellationToken), subjectOf);
    }

    /// <summary>
    /// Refuses with FORBIDDEN a clinic id the caller named that is outside their reach, whether or not such a clinic
    /// exists, so the answer says nothing about other clinics.
    /// </summary>
    public static void RequireClinic(this IResolveFieldContext context, Guid clinicId, Func<AccessGuard, Guid, bool> allowed, string field)
    {
        if (allowed(context.Guard(), clinicId)) return;
        const string reason = "The clinic is not one of the caller's clinics, or the caller's role may not do this there.";
        context.Disclosures().Unreachable(context.Coordinate(), clinicId, DisclosureSubject.Clinic(clinicId), reason);
        throw new AccessDenied($"{field} {clinicId} is not a clinic you may do this in.", field);
    }

    public static DisclosureSubject Subject(Clinic clinic) => DisclosureSubject.Clinic(clinic.Id);

    public static DisclosureSubject Subject(Therapist therapist) => DisclosureSubject.Clinic(therapist.ClinicId);

    public static DisclosureSubject Subject(Patient patient) => new(patient.ClinicId, patient.Id, null);

    public static DisclosureSubject Subject(Episode episode) => new(episode.ClinicId, episode.PatientId, episode.Id);

    public static DisclosureSubject Subject(EpisodeOwner episode) => new(episode.ClinicId, episode.PatientId, episode.Id);
}
