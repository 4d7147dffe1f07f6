namespace RehabLedger.Common;

/// <summary>The stable values of <c>extensions.code</c> that clients can branch on.</summary>
public static class ErrorCodes
{
    public const string ValidationFailed = "VALIDATION_FAILED";
    public const string NotFound = "NOT_FOUND";
    public const string Conflict = "CONFLICT";
    public const string EpisodeClosed = "EPISODE_CLOSED";
    public const string InternalError = "INTERNAL_ERROR";

    /// <summary>The database cannot be reached for now (HTTP 503 with Retry-After): the same request may be sent again later.</summary>
    public const string ServiceUnavailable = "SERVICE_UNAVAILABLE";

    /// <summary>The request carries no valid identity (HTTP 401 when nothing else is wrong with it).</summary>
    public const string Unauthenticated = "UNAUTHENTICATED";

    /// <summary>The caller's role may not use the operation, or the clinic it names is outside the caller's clinics.</summary>
    public const string Forbidden = "FORBIDDEN";
}
