namespace RehabLedger.GraphQL;

/// <summary>Descriptions that many derived fields share, written once (attribute arguments must be constants).</summary>
public static class Describe
{
    public const string ExpectedEpisodeVersion = "The episode version you last read; a stale one is refused with CONFLICT.";

    /// <summary>Completed by what the retry would otherwise do: <c>ClientId + "recording twice."</c>.</summary>
    public const string ClientId = "Optional client-chosen id; a retry with the same id is refused with CONFLICT instead of ";

    public const string Episode = "The episode.";
}
