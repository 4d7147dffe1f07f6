namespace RehabLedger.Common;

/// <summary>
/// Input checks shared by every command. Each throws <see cref="ClinicalRuleViolation"/> naming the field,
/// so a decision reads as a list of rules and fails on the first one broken.
/// </summary>
public static class Validate
{
    /// <summary>Names, codes and identifiers.</summary>
    public const int ShortText = 200;

    /// <summary>Clinical free text such as findings.</summary>
    public const int LongText = 4000;

    public static string Required(string? value, string field, int maxLength = ShortText)
    {
        if (string.IsNullOrWhiteSpace(value))
            throw ClinicalRuleViolation.Invalid(field, $"{field} is required.");
        return Optional(value, field, maxLength)!;
    }

    /// <summary>
    /// Trimmed, or null when empty. Text longer than a name (<see cref="ShortText"/>) is free text and may span lines;
    /// names, codes and identifiers are one line (<see cref="SafeText"/>).
    /// </summary>
    public static string? Optional(string? value, string field, int maxLength = ShortText)
    {
        if (value is null) return null;
        if (value.Length > maxLength)
            throw ClinicalRuleViolation.Invalid(field, $"{field} is {value.Length} characters long; at most {maxLength} are accepted.");
        if (SafeText.FirstProblem(value, multiline: maxLength > ShortText) is { } problem)
            throw ClinicalRuleViolation.Invalid(field, $"{field} holds {problem}; {SafeText.Rule}.");
        var trimmed = value.Trim();
        return trimmed.Length == 0 ? null : trimmed;
    }

    /// <summary>A client-chosen id for a new record: not empty, and none of the service's own (<see cref="ServiceStreams"/>).</summary>
    public static Guid Id(Guid value, string field)
    {
        if (value == Guid.Empty)
            throw ClinicalRuleViolation.Invalid(field, $"{field} must be a non-empty id.");
        if (ServiceStreams.IsReserved(value))
            throw ClinicalRuleViolation.Invalid(field, $"{field} {value} is reserved for the service's own records; choose another id.");
        return value;
    }

    public static void NotInFuture(DateOnly date, DateOnly today, string field)
    {
        if (date > today)
            throw ClinicalRuleViolation.Invalid(field, $"{field} {date:yyyy-MM-dd} is in the future (today is {today:yyyy-MM-dd}).");
    }

    public static void That(bool rule, string field, string message)
    {
        if (!rule) throw ClinicalRuleViolation.Invalid(field, message);
    }
}
