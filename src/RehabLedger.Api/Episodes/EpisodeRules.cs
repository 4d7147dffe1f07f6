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
        if (episode is null) throw ClinicalRuleViolation.NotFound("episode", episodeId, "input.episodeId");
        // Closed before stale: retrying with a fresh version could not succeed either.
        if (episode.IsClosed) throw ClinicalRuleViolation.Closed(episode.Id);
        if (episode.Version != expectedVersion)
            throw ClinicalRuleViolation.Conflict(
                $"Episode {episodeId} is at version {episode.Version}, not {expectedVersion}: read it again and retry with its current version.");
        return episode;
    }

    /// <summary>Clinical entries happen inside the episode: not before it started, not after today.</summary>
    public static void WithinEpisode(DateOnly date, Episode episode, DateOnly today, string field)
    {
        Validate.That(date >= episode.StartedOn, field,
            $"{field} {date:yyyy-MM-dd} is before the episode started on {episode.StartedOn:yyyy-MM-dd}.");
        Validate.NotInFuture(date, today, field);
    }
}
