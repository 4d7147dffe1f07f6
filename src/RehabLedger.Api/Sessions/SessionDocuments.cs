using JasperFx.Events;
using Marten.Events.Projections;

namespace RehabLedger.Sessions;

/// <summary>
/// One recorded session, a document of its own: the event as recorded and the stream version that recorded it.
/// Sessions are the bulk of an episode (two a week, each with its exercises and notes), so they are kept out of the
/// <see cref="Episodes.Episode"/> snapshot: recording one writes one small row instead of rewriting the whole
/// episode. The document never changes; whether the session was later entered in error is the episode's to say
/// (<see cref="Episodes.Episode.SessionEntriesInError"/>), so a correction rewrites nothing here either.
/// </summary>
public sealed record RecordedSession(Guid Id, Guid EpisodeId, long Version, SessionRecorded Entry);

/// <summary>One home-program log, a document of its own for the same reasons as <see cref="RecordedSession"/>.</summary>
public sealed record RecordedHomeLog(Guid Id, Guid EpisodeId, long Version, HomeExerciseLogged Entry);

/// <summary>
/// Inline, so a mutation's answer and the next read already hold the entry it recorded. Each event becomes one new
/// document; nothing is read first, so the cost of recording an entry does not grow with the episode.
/// </summary>
public sealed partial class SessionEntriesProjection : EventProjection
{
    public RecordedSession Create(IEvent<SessionRecorded> e) => new(e.Data.SessionId, e.StreamId, e.Version, e.Data);

    public RecordedHomeLog Create(IEvent<HomeExerciseLogged> e) => new(e.Data.LogId, e.StreamId, e.Version, e.Data);
}
