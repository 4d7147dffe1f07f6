using RehabLedger.Sessions;

namespace RehabLedger.Episodes;

// The sessions part of the episode aggregate. Sessions and home logs are the bulk of an episode, so the snapshot keeps
// only what decisions need of them: their ids (a retried request must not record twice, a correction must find its
// entry); which ones a correction marked is the episode's set of corrections to say. Each entry itself is written once, as a document of its own
// (RecordedSession, RecordedHomeLog). Plain id lists keep the snapshot small: it is rewritten on every entry.
public sealed partial class Episode
{
    /// <summary>Every recorded session's id, in recording order, including those later entered in error.</summary>
    public List<Guid> SessionIds { get; set; } = [];

    /// <summary>Every home-program log's id, in recording order, including those later entered in error.</summary>
    public List<Guid> HomeLogIds { get; set; } = [];

    /// <summary>Whether an id names a session or a home log of this episode, even one entered in error.</summary>
    public bool SessionEntryIdUsed(Guid entryId) => SessionIds.Contains(entryId) || HomeLogIds.Contains(entryId);

    public void Apply(SessionRecorded e) => SessionIds.Add(e.SessionId);

    public void Apply(HomeExerciseLogged e) => HomeLogIds.Add(e.LogId);
}
