namespace RehabLedger.Common;

/// <summary>The id and new version of a stream a command created or changed.</summary>
public sealed record StreamWritten(Guid Id, long Version);
