using System.Security.Cryptography;
using JasperFx.Events;
using Marten.Events.Projections;

namespace RehabLedger.Sessions;

/// <summary>
/// One recorded session, a document of its own: the event as recorded and the stream version that recorded it.
/// Its <see cref="Id"/> is <see cref="EntryDocument.Key"/> of the episode and the session, never the session's id
/// alone: entry ids are the client's, unique only within their episode, so another episode (another clinic's, or
/// a patient's own) may reuse one, and must not replace this document.
/// Sessions are the bulk of an episode (two a week, each with its exercises and notes), so they are kept out of the
/// <see cref="Episodes.Episode"/> snapshot: recording one writes one small row instead of rewriting the whole
/// episode. The document never changes; whether the session was later entered in error is the episode's to say
/// (<see cref="Episodes.Episode.SessionEntriesInError"/>), so a correction rewrites nothing here either.
/// </summary>
public sealed record RecordedSession(Guid Id, Guid EpisodeId, long Version, SessionRecorded Entry);

/// <summary>One home-program log, a document of its own for the same reasons and with the same key as <see cref="RecordedSession"/>.</summary>
public sealed record RecordedHomeLog(Guid Id, Guid EpisodeId, long Version, HomeExerciseLogged Entry);

/// <summary>
/// Inline, so a mutation's answer and the next read already hold the entry it recorded. Each event becomes one new
/// document; nothing is read first, so the cost of recording an entry does not grow with the episode.
/// </summary>
public sealed partial class SessionEntriesProjection : EventProjection
{
    public RecordedSession Create(IEvent<SessionRecorded> e) => new(EntryDocument.Key(e.StreamId, e.Data.SessionId), e.StreamId, e.Version, e.Data);

    public RecordedHomeLog Create(IEvent<HomeExerciseLogged> e) => new(EntryDocument.Key(e.StreamId, e.Data.LogId), e.StreamId, e.Version, e.Data);
}

public static class EntryDocument
{
    /// <summary>
    /// The document id of an episode's entry: a UUID (version 8, RFC 9562) made from the SHA-256 of both ids, so the
    /// documents keep their uuid key column and one entry id yields a different key in every episode. A hash and not
    /// a mix of the two ids: with XOR or similar a client could compute the entry id that lands on another
    /// episode's key.
    /// </summary>
    public static Guid Key(Guid episodeId, Guid entryId)
    {
        Span<byte> ids = stackalloc byte[32];
        episodeId.TryWriteBytes(ids[..16], bigEndian: true, out _);
        entryId.TryWriteBytes(ids[16..], bigEndian: true, out _);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(ids, hash);
        hash[6] = (byte)(hash[6] & 0x0F | 0x80); // version 8: custom
        hash[8] = (byte)(hash[8] & 0x3F | 0x80); // the RFC variant
        return new Guid(hash[..16], bigEndian: true);
    }
}
