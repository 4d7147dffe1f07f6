namespace RehabLedger.Infrastructure;

/// <summary>A configuration the service refuses to start with; the message says what to set.</summary>
public sealed class InvalidConfigurationException(string message) : Exception(message);
