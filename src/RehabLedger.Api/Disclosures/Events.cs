using RehabLedger.Common;

namespace RehabLedger.Disclosures;

public enum DisclosureOutcome
{
    Granted,
    Denied,
}

/// <summary>
/// Someone read a patient's data, in any role, or anyone was refused something. The accesses of one operation are a
/// stream of their own (see <see cref="DisclosureLog"/>), never the patient's stream, so accounting for a read never
/// contends with a write or with another read.
/// </summary>
/// <param name="Operation">The GraphQL field coordinate (<c>Query.episode</c>) or the HTTP route that was used.</param>
/// <param name="RequestedId">The id the caller named, exactly as sent, when the access was a lookup by id.</param>
/// <param name="ActorClinics">The clinics the caller's token named, so a clinic's auditors also see what their own staff were refused.</param>
/// <param name="Payer">The insurer's payer, for reads by an insurer.</param>
/// <param name="At">When the read or the attempt happened, by the service's clock.</param>
public sealed record DisclosureRecorded(
    Guid DisclosureId,
    ActorRef By,
    IReadOnlyList<Guid> ActorClinics,
    string? Payer,
    string Operation,
    Guid? RequestedId,
    Guid? ClinicId,
    Guid? PatientId,
    Guid? EpisodeId,
    DisclosureOutcome Outcome,
    string? Reason,
    DateTimeOffset At);

/// <summary>Whose data an access concerns, as far as it is known: the record's, not what the caller named.</summary>
public sealed record DisclosureSubject(Guid? ClinicId, Guid? PatientId, Guid? EpisodeId)
{
    public static readonly DisclosureSubject Unknown = new(null, null, null);

    public static DisclosureSubject Clinic(Guid clinicId) => new(clinicId, null, null);
}
