namespace RehabLedger.Security;

/// <summary>
/// A request names something outside the caller's reach where answering "not found" would be a lie the caller can
/// see through (a clinic id given as a filter). Answered as FORBIDDEN, whether or not that thing exists.
/// </summary>
public sealed class AccessDenied(string message, string? field = null) : Exception(message)
{
    public string? Field { get; } = field;
}
