using RehabLedger.Corrections;
using RehabLedger.Sessions;

namespace RehabLedger.Episodes;

/// <summary>
/// A session or home log as the episode's decisions need it: its id, its kind, and whether a correction has since
/// marked it entered in error. The entry itself is a document of its own (<see cref="RecordedSession"/>,
/// <see cref="RecordedHomeLog"/>).
/// </summary>
public sealed record SessionEntryMark(Guid Id, EntryKind Kind)
{
    public bool EnteredInError { get; set; }
}

// The sessions part of the episode aggregate. Sessions and home logs are the bulk of an episode, so the snapshot
// keeps only their ids (for retries and corrections) and each entry is written once, as its own document.
public sealed partial class Episode
{
    /// <summary>Every recorded session and home log in recording order, including those later entered in error.</summary>
    public List<SessionEntryMark> SessionEntries { get; set; } = [];

    /// <summary>Whether an id names a session or a home log of this episode, even one entered in error.</summary>
    public bool SessionEntryIdUsed(Guid entryId) => SessionEntries.Exists(x => x.Id == entryId);

    /// <summary>The ids of the sessions and home logs a correction marked as entered in error.</summary>
    public IReadOnlySet<Guid> SessionEntriesInError() => SessionEntries.Where(x => x.EnteredInError).Select(x => x.Id).ToHashSet();

    /// <summary>
    /// Marks a session or home log as entered in error, for the corrections module to call from its own Apply.
    /// Returns false when the id is not one of this module's entries.
    /// </summary>
    internal bool MarkSessionsEnteredInError(Guid entryId)
    {
        if (SessionEntries.Find(x => x.Id == entryId) is not { } entry) return false;
        entry.EnteredInError = true;
        return true;
    }

    public void Apply(SessionRecorded e) => SessionEntries.Add(new SessionEntryMark(e.SessionId, EntryKind.Session));

    public void Apply(HomeExerciseLogged e) => SessionEntries.Add(new SessionEntryMark(e.LogId, EntryKind.HomeLog));
}
