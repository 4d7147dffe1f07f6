namespace RehabLedger.Common;

/// <summary>
/// Where a value sits in a command, as domain rules name it: relative to the command itself, <c>measures[0].value</c>,
/// in the FHIRPath-like form of property names, dots and list indexes. Each surface maps it to its own form
/// (<c>input.measures[0].value</c> in GraphQL, an OperationOutcome expression in FHIR), so the rules know nothing of
/// the transport that carried the command.
/// </summary>
public static class FieldPath
{
    /// <summary>The command as a whole: a rule about several of its values at once.</summary>
    public const string Command = "";

    /// <summary><paramref name="name"/> inside the value at <paramref name="at"/> (the command itself when empty).</summary>
    public static string Join(string at, string name) => at.Length == 0 ? name : $"{at}.{name}";

    /// <summary><paramref name="path"/> as seen from <paramref name="root"/>: the path of the command's value inside a surface's own request.</summary>
    public static string Under(string root, string path) => path.Length == 0 ? root : Join(root, path);
}
