namespace RehabLedger.Common;

/// <summary>
/// A command refused by a rule. Thrown from a decision before anything is appended, so the
/// surrounding transaction writes nothing. Each surface answers it in its own form: GraphQL with
/// <see cref="Code"/> as <c>extensions.code</c> and <see cref="Field"/> under the mutation's <c>input</c>
/// (GraphQL/ErrorMapping.cs), FHIR as an OperationOutcome issue (Insurers/Fhir/RuleViolationOutcome.cs).
/// </summary>
public sealed class ClinicalRuleViolation(string code, string message, string? field = null) : Exception(message)
{
    public string Code { get; } = code;

    /// <summary>
    /// Path of the offending value relative to the command (<see cref="FieldPath"/>), for example
    /// <c>measures[1].value</c>; <see cref="FieldPath.Command"/> for the command as a whole. Outside a command (a
    /// query's own argument), the argument's name: <c>episodeId</c>.
    /// </summary>
    public string? Field { get; } = field;

    /// <summary>
    /// The message with its field named as a surface names it. A message that names its own field starts with it
    /// (<c>reason is required.</c>), so that prefix, and only that, becomes <paramref name="surfaceField"/>.
    /// </summary>
    public string MessageNaming(string? surfaceField) =>
        Field is { Length: > 0 } field && surfaceField is not null && Message.StartsWith(field + " ", StringComparison.Ordinal)
            ? surfaceField + Message[field.Length..]
            : Message;

    public static ClinicalRuleViolation Invalid(string field, string message) =>
        new(ErrorCodes.ValidationFailed, message, field);

    public static ClinicalRuleViolation NotFound(string what, Guid id, string? field = null) =>
        new(ErrorCodes.NotFound, $"No {what} with id {id} exists.", field);

    public static ClinicalRuleViolation Conflict(string message) => new(ErrorCodes.Conflict, message);

    public static ClinicalRuleViolation Closed(Guid episodeId) =>
        new(ErrorCodes.EpisodeClosed, $"Episode {episodeId} is discharged; a closed episode accepts no clinical changes.");
}
