namespace RehabLedger.Common;

/// <summary>
/// A command refused by a rule. Thrown from a decision before anything is appended, so the
/// surrounding transaction writes nothing; the GraphQL layer turns it into an error with
/// <see cref="Code"/> as <c>extensions.code</c> and <see cref="Field"/> as the offending input path.
/// </summary>
public sealed class ClinicalRuleViolation(string code, string message, string? field = null) : Exception(message)
{
    public string Code { get; } = code;

    /// <summary>Input path of the offending value, for example <c>input.measures[1].value</c>.</summary>
    public string? Field { get; } = field;

    public static ClinicalRuleViolation Invalid(string field, string message) =>
        new(ErrorCodes.ValidationFailed, message, field);

    public static ClinicalRuleViolation NotFound(string what, Guid id, string? field = null) =>
        new(ErrorCodes.NotFound, $"No {what} with id {id} exists.", field);

    public static ClinicalRuleViolation Conflict(string message) => new(ErrorCodes.Conflict, message);

    public static ClinicalRuleViolation Closed(Guid episodeId) =>
        new(ErrorCodes.EpisodeClosed, $"Episode {episodeId} is discharged; a closed episode accepts no clinical changes.");
}
