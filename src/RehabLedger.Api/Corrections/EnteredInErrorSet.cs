using JasperFx.Events;
using RehabLedger.Common;

namespace RehabLedger.Corrections;

/// <summary>
/// One correction as every view keeps it: the entry it names (by kind and id), why, when, by whom, and the ids that
/// place it in the ledger (<see cref="CorrectionId"/> is the correction event's own id; <see cref="Version"/> the
/// stream version that recorded it, so a view can be read as the record stood before it).
/// </summary>
public sealed record Correction(Guid CorrectionId, EntryKind Kind, Guid EntryId, string Reason, DateOnly EffectiveOn, long Version, ActorRef By);

/// <summary>
/// The entries of one episode marked entered in error: the one implementation of the rule that a corrected entry
/// stays in the record and counts nowhere. The episode snapshot and every read model of the episode (caseload row,
/// timeline, program, session history) hold one and ask it the same questions, so an entry is left out identically
/// everywhere. An entry is named by kind and id together: a stream recorded before ids were unique across kinds may
/// hold, say, an assessment and a session with one id, and correcting one must leave the other standing.
/// Corrections are rare, so a list in recording order is both the stored shape and fast enough to search.
/// </summary>
public sealed class EnteredInErrorSet
{
    public List<Correction> Corrections { get; set; } = [];

    /// <summary>Applies a correction event; one already applied (the same entry) is not recorded twice.</summary>
    public void Apply(IEvent<EntryEnteredInError> e) => Apply(e.Data, e.Id, e.Version);

    public void Apply(EntryEnteredInError e, Guid eventId, long version)
    {
        if (!Contains(e.Kind, e.EntryId))
            Corrections.Add(new Correction(eventId, e.Kind, e.EntryId, e.Reason, e.EffectiveOn, version, e.By));
    }

    /// <summary>Whether the entry of this kind and id is entered in error.</summary>
    public bool Contains(EntryKind kind, Guid entryId) => Of(kind, entryId) is not null;

    /// <summary>The correction of the entry of this kind and id; null while it stands.</summary>
    public Correction? Of(EntryKind kind, Guid entryId) => Corrections.Find(c => c.Kind == kind && c.EntryId == entryId);

    /// <summary>
    /// Whether the entry counts in the record as it stood at <paramref name="version"/>: not corrected by then. Without a
    /// version, as the record stands now. (Whether the entry itself was recorded by then is the entry's to say.)
    /// </summary>
    public bool StandsAt(EntryKind kind, Guid entryId, long? version) =>
        Of(kind, entryId) is not { } correction || (version is { } asOf && correction.Version > asOf);

    /// <summary>The entries of one kind that count, in their given order.</summary>
    public IEnumerable<T> Standing<T>(IEnumerable<T> entries, EntryKind kind, Func<T, Guid> idOf) =>
        Corrections.Count == 0 ? entries : entries.Where(x => !Contains(kind, idOf(x)));

    /// <summary>The corrections of entries of one kind, in recording order.</summary>
    public IEnumerable<Correction> OfKind(EntryKind kind) => Corrections.Where(c => c.Kind == kind);
}
