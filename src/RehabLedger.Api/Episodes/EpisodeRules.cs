using RehabLedger.Common;

namespace RehabLedger.Episodes;

/// <summary>Rules every change to an existing episode obeys.</summary>
public static class EpisodeRules
{
    /// <summary>
    /// The episode exists, it is still open, and the caller saw its current version. The version is checked
    /// here, against the state the decision is made on; Marten checks it again when appending, so a writer
    /// that raced in between is refused as well.
    /// </summary>
    public static Episode Writable(Episode? episode, Guid episodeId, long expectedVersion)
    {
        if (episode is null) throw ClinicalRuleViolation.NotFound("episode", episodeId, "episodeId");
        // Closed before stale: retrying with a fresh version could not succeed either.
        if (episode.IsClosed) throw ClinicalRuleViolation.Closed(episode.Id);
        if (episode.Version != expectedVersion)
            throw ClinicalRuleViolation.Conflict(
                $"Episode {episodeId} is at version {episode.Version}, not {expectedVersion}: read it again and retry with its current version.");
        return episode;
    }

    /// <summary>
    /// The id a client chose for a new entry of the episode (<paramref name="what"/>: "session", "goal", ...). Ids are
    /// scoped to their episode: another episode, of any clinic, may use the same id, and this one cannot tell. Within
    /// the episode an id names one entry of one kind, so a retried request is refused instead of recorded twice, and
    /// a correction naming the id cannot hit an entry of another kind.
    /// </summary>
    public static Guid NewEntryId(Episode episode, Guid id, string field, string what)
    {
        Validate.Id(id, field);
        if (episode.EntryNamedBy(id) is not { } taken) return id;
        throw ClinicalRuleViolation.Conflict(taken == what
            ? $"{char.ToUpperInvariant(what[0])}{what[1..]} {id} is already recorded on this episode."
            : $"Id {id} already names {Article(taken)} {taken} of this episode; {Article(what)} {what} needs an id of its own.");
    }

    private static string Article(string noun) => "aeiou".Contains(noun[0]) ? "an" : "a";

    /// <summary>Clinical entries happen inside the episode: not before it started, not after today.</summary>
    public static void WithinEpisode(DateOnly date, Episode episode, DateOnly today, string field)
    {
        Validate.That(date >= episode.StartedOn, field,
            $"{field} {date:yyyy-MM-dd} is before the episode started on {episode.StartedOn:yyyy-MM-dd}.");
        Validate.NotInFuture(date, today, field);
    }
}
