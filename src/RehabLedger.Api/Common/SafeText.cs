using System.Globalization;

namespace RehabLedger.Common;

/// <summary>
/// The one rule for which characters a text the service accepts may hold, wherever it enters: GraphQL arguments and
/// variables (<see cref="RehabLedger.GraphQL.SafeTextRule"/>), command fields (<see cref="Validate"/>), and any other text from
/// outside, such as a token's claims (single line). Text that breaks it is refused, never stored or passed on.
/// <list type="bullet">
/// <item>No control character (Unicode category Cc: U+0000-U+001F, U+007F-U+009F). U+0000 cannot be stored by
/// PostgreSQL at all; the others mean nothing in a clinical record and rewrite terminals, logs and exports.</item>
/// <item>Multiline text may hold tab, line feed and carriage return, and only those: free text such as findings,
/// notes and reasons is typed in paragraphs. Single-line text (names, codes, identifiers, claims) holds none.</item>
/// <item>No unpaired UTF-16 surrogate: a JSON string can carry one (<c>"\ud800"</c>), but it is no character, and
/// it cannot be encoded as UTF-8 for the database or the answer.</item>
/// <item>No noncharacter (U+FDD0-U+FDEF and U+xFFFE/U+xFFFF of every plane): Unicode reserves them for a
/// program's internal use, never for interchange.</item>
/// </list>
/// Everything else is text and is kept verbatim, including format characters such as bidirectional controls and
/// zero-width spaces: they are answered JSON-escaped, and showing them safely is the reader's part.
/// </summary>
public static class SafeText
{
    /// <summary>Whether <paramref name="value"/> holds only characters the service accepts.</summary>
    /// <param name="multiline">True for free text, which may also hold tab, line feed and carriage return.</param>
    public static bool IsSafe(string value, bool multiline) => FirstProblem(value, multiline) is null;

    /// <summary>
    /// What is wrong with <paramref name="value"/>, for an error message (<c>"a control character U+0000 at
    /// position 3"</c>); null when the text is safe. Positions count UTF-16 code units from 0, as JSON and
    /// JavaScript strings do.
    /// </summary>
    public static string? FirstProblem(string value, bool multiline)
    {
        ArgumentNullException.ThrowIfNull(value);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c < ' ' || c is >= '\u007F' and <= '\u009F')
            {
                if (multiline && c is '\t' or '\n' or '\r') continue;
                return $"a control character {CodePoint(c)} at position {i}";
            }
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                var scalar = char.ConvertToUtf32(c, value[i + 1]);
                if (IsNoncharacter(scalar)) return $"the noncharacter {CodePoint(scalar)} at position {i}";
                i++;
                continue;
            }
            if (char.IsSurrogate(c)) return $"an unpaired surrogate {CodePoint(c)} at position {i}";
            if (IsNoncharacter(c)) return $"the noncharacter {CodePoint(c)} at position {i}";
        }
        return null;
    }

    /// <summary>The sentence that follows a problem in an error message: what text may hold.</summary>
    public const string Rule =
        "text may not hold control characters (tab and line breaks only in free text), unpaired surrogates or noncharacters";

    private static bool IsNoncharacter(int scalar) => scalar is >= 0xFDD0 and <= 0xFDEF || (scalar & 0xFFFE) == 0xFFFE;

    private static string CodePoint(int scalar) => "U+" + scalar.ToString("X4", CultureInfo.InvariantCulture);
}
