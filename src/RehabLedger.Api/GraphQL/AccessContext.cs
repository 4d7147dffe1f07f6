using GraphQL;
using RehabLedger.Access;
using RehabLedger.Clinics;
using RehabLedger.Disclosures;
using RehabLedger.Episodes;
using RehabLedger.GraphQL.Http;
using RehabLedger.Patients;
using RehabLedger.Security;

namespace RehabLedger.GraphQL;

/// <summary>
/// Resolvers' side of access and accounting: the operation's <see cref="OperationAccess"/>, which the GraphQL endpoint
/// began and completes, and thin adapters over the access objects in <c>Access/</c> that name the field as the
/// operation and turn a refusal into GraphQL's answer (null, NOT_FOUND or FORBIDDEN).
/// </summary>
public static class AccessContext
{
    public static OperationAccess Access(this IResolveFieldContext context) =>
        context.UserContext is GraphQLUserContext { Access: var access }
            ? access
            : throw new InvalidOperationException("The operation was not begun by the GraphQL endpoint: it has no access and accounting.");

    public static AccessGuard Guard(this IResolveFieldContext context) => context.Access().Guard;

    public static DisclosureLog Disclosures(this IResolveFieldContext context) => context.Access().Log;

    /// <summary>The field's schema coordinate, <c>Query.episode</c>: what the access log names as the operation.</summary>
    public static string Coordinate(this IResolveFieldContext context) => $"{context.ParentType.Name}.{context.FieldDefinition.Name}";

    /// <summary>A record looked up by id, as the caller may see it (see <see cref="RecordAccess"/>).</summary>
    public static T? Readable<T>(this IResolveFieldContext context, Guid id, T? found, Func<T, DisclosureSubject> subjectOf) where T : class =>
        context.Access().Readable(context.Coordinate(), id, found, subjectOf);

    /// <summary>The record the field's <c>id</c> argument names, as <see cref="Readable{T}"/> lets the caller see it.</summary>
    public static async Task<T?> ReadableById<T>(this IResolveFieldContext context, Func<T, DisclosureSubject> subjectOf) where T : class
    {
        var id = context.GetArgument<Guid>("id");
        return context.Readable(id, await context.Query().LoadAsync<T>(id, context.CancellationToken), subjectOf);
    }

    /// <summary>Refuses with FORBIDDEN on <paramref name="field"/> a clinic id outside the caller's reach (see <see cref="ClinicAccess"/>).</summary>
    public static void RequireClinic(this IResolveFieldContext context, Guid clinicId, Func<AccessGuard, Guid, bool> allowed, string field) =>
        context.Access().RequireClinic(context.Coordinate(), clinicId, allowed, field);

    /// <summary>The owner of the episode <paramref name="episodeId"/> names when the caller may read it (see <see cref="EpisodeAccess"/>).</summary>
    public static Task<EpisodeOwner?> ReadableEpisode(this IResolveFieldContext context, Guid episodeId) =>
        context.Access().ReadableEpisode(context.Query(), context.RequestServices!.GetRequiredService<EpisodeOwners>(), context.Coordinate(),
            episodeId, context.CancellationToken);

    public static DisclosureSubject Subject(Clinic clinic) => DisclosureSubject.Clinic(clinic.Id);

    public static DisclosureSubject Subject(Therapist therapist) => DisclosureSubject.Clinic(therapist.ClinicId);

    public static DisclosureSubject Subject(Patient patient) => new(patient.ClinicId, patient.Id, null);

    public static DisclosureSubject Subject(Episode episode) => new(episode.ClinicId, episode.PatientId, episode.Id);

    public static DisclosureSubject Subject(EpisodeOwner episode) => EpisodeAccess.Subject(episode);
}
