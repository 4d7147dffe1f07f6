using Hl7.Fhir.Model;
using RehabLedger.Common;

namespace RehabLedger.Insurers.Fhir;

/// <summary>
/// A refusal on a FHIR route, as FHIR answers one: an OperationOutcome whose issue carries the rule's message as
/// <c>diagnostics</c>, its code as the issue type, and the offending value's path (<see cref="FieldPath"/>) as a
/// FHIRPath-like <c>expression</c> from the request's root, with the HTTP status that goes with the code.
/// </summary>
public static class RuleViolationOutcome
{
    public static OperationOutcome Of(ClinicalRuleViolation violation, string? root = null) => new() { Issue = [Issue(violation, root)] };

    /// <param name="root">
    /// What the violation's path is relative to in the request: a resource type (<c>Parameters</c>) for a command read
    /// from the body; null for a route's own parameters (<c>id</c>), which stand alone.
    /// </param>
    public static OperationOutcome.IssueComponent Issue(ClinicalRuleViolation violation, string? root = null)
    {
        var issue = new OperationOutcome.IssueComponent
        {
            Severity = OperationOutcome.IssueSeverity.Error,
            Code = IssueType(violation.Code),
            Diagnostics = violation.Message,
        };
        if (Expression(violation.Field, root) is { } expression) issue.Expression = [expression];
        return issue;
    }

    /// <summary>The path as a FHIRPath expression: the domain form already is one (names, dots, <c>[n]</c>); only the root is added.</summary>
    public static string? Expression(string? field, string? root) =>
        field is null ? null
        : root is null ? (field.Length == 0 ? null : field)
        : FieldPath.Under(root, field);

    public static OperationOutcome.IssueType IssueType(string code) => code switch
    {
        ErrorCodes.ValidationFailed => OperationOutcome.IssueType.Invalid,
        ErrorCodes.NotFound => OperationOutcome.IssueType.NotFound,
        ErrorCodes.Conflict => OperationOutcome.IssueType.Conflict,
        ErrorCodes.Forbidden => OperationOutcome.IssueType.Forbidden,
        ErrorCodes.EpisodeClosed => OperationOutcome.IssueType.BusinessRule,
        _ => OperationOutcome.IssueType.Processing,
    };

    public static int StatusCode(string code) => code switch
    {
        ErrorCodes.ValidationFailed => StatusCodes.Status400BadRequest,
        ErrorCodes.NotFound => StatusCodes.Status404NotFound,
        ErrorCodes.Conflict => StatusCodes.Status409Conflict,
        ErrorCodes.Forbidden => StatusCodes.Status403Forbidden,
        ErrorCodes.EpisodeClosed => StatusCodes.Status422UnprocessableEntity,
        _ => StatusCodes.Status500InternalServerError,
    };
}
