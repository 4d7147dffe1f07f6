namespace RehabLedger.Common;

/// <summary>The stable values of <c>extensions.code</c> that clients can branch on.</summary>
public static class ErrorCodes
{
    public const string ValidationFailed = "VALIDATION_FAILED";
    public const string NotFound = "NOT_FOUND";
    public const string Conflict = "CONFLICT";
    public const string EpisodeClosed = "EPISODE_CLOSED";
    public const string InternalError = "INTERNAL_ERROR";
}
