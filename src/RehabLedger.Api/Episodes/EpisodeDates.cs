using RehabLedger.Common;

namespace RehabLedger.Episodes;

/// <summary>Clinical entries happen inside the episode: not before it started, not after today.</summary>
public static class EpisodeDates
{
    public static void WithinEpisode(DateOnly date, Episode episode, DateOnly today, string field)
    {
        Validate.That(date >= episode.StartedOn, field,
            $"{field} {date:yyyy-MM-dd} is before the episode started on {episode.StartedOn:yyyy-MM-dd}.");
        Validate.NotInFuture(date, today, field);
    }
}
