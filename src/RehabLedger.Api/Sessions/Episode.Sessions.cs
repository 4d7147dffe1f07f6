using RehabLedger.Corrections;
using RehabLedger.Sessions;

namespace RehabLedger.Episodes;

// The sessions part of the episode aggregate. Sessions and home logs are the bulk of an episode, so the snapshot keeps
// only what decisions need of them: their ids (a retried request must not record twice, a correction must find its
// entry) and which ones a correction marked. Each entry itself is written once, as a document of its own
// (RecordedSession, RecordedHomeLog). Plain id lists keep the snapshot small: it is rewritten on every entry.
public sealed partial class Episode
{
    /// <summary>Every recorded session's id, in recording order, including those later entered in error.</summary>
    public List<Guid> SessionIds { get; set; } = [];

    /// <summary>Every home-program log's id, in recording order, including those later entered in error.</summary>
    public List<Guid> HomeLogIds { get; set; } = [];

    /// <summary>The sessions and home logs a correction marked as entered in error.</summary>
    public HashSet<Guid> SessionEntriesInError { get; set; } = [];

    /// <summary>Whether an id names a session or a home log of this episode, even one entered in error.</summary>
    public bool SessionEntryIdUsed(Guid entryId) => SessionIds.Contains(entryId) || HomeLogIds.Contains(entryId);

    /// <summary>The kind of the session or home log with this id, and whether it is entered in error; null for any other id.</summary>
    private (EntryKind Kind, bool EnteredInError)? FindSessionEntry(Guid entryId) =>
        SessionIds.Contains(entryId) ? (EntryKind.Session, SessionEntriesInError.Contains(entryId))
        : HomeLogIds.Contains(entryId) ? (EntryKind.HomeLog, SessionEntriesInError.Contains(entryId))
        : null;

    /// <summary>
    /// Marks a session or home log as entered in error, for the corrections module to call from its own Apply.
    /// Returns false when the id is not one of this module's entries.
    /// </summary>
    internal bool MarkSessionsEnteredInError(Guid entryId)
    {
        if (!SessionEntryIdUsed(entryId)) return false;
        SessionEntriesInError.Add(entryId);
        return true;
    }

    public void Apply(SessionRecorded e) => SessionIds.Add(e.SessionId);

    public void Apply(HomeExerciseLogged e) => HomeLogIds.Add(e.LogId);
}
