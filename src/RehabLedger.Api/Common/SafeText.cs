namespace RehabLedger.Common;

/// <summary>
/// What text a person or a clinic system may send: the one rule for every string that enters from outside (inputs,
/// filters, token claims). It keeps out what no person types and what breaks the systems behind the service:
/// <list type="bullet">
/// <item>C0 control characters (U+0000 to U+001F): PostgreSQL refuses U+0000 in text and jsonb, and the others hide in
/// logs and exports. Multi-line text (clinical free text) may hold tab, line feed and carriage return; single-line
/// text (names, codes, identifiers, claims) none of them.</item>
/// <item>DEL and the C1 controls (U+007F to U+009F): invisible, and read as commands by some terminals.</item>
/// <item>Unpaired UTF-16 surrogates: not characters at all, they cannot be written as UTF-8.</item>
/// <item>Noncharacters (U+FDD0 to U+FDEF and every code point ending in FFFE or FFFF): reserved for a program's
/// internal use, never interchanged.</item>
/// </list>
/// Everything else (any script, emoji, right-to-left marks) is text a person may write, and passes.
/// </summary>
public static class SafeText
{
    /// <summary>Whether <paramref name="text"/> holds only characters a person or a clinic system may send.</summary>
    /// <param name="multiline">Whether tab, line feed and carriage return are allowed (long free text).</param>
    public static bool IsSafe(string text, bool multiline) => IndexOfUnsafe(text, multiline) < 0;

    /// <summary>The index of the first character that is not allowed, or -1 when every character is.</summary>
    public static int IndexOfUnsafe(string text, bool multiline)
    {
        ArgumentNullException.ThrowIfNull(text);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1])) return i;
                if (IsNoncharacter(char.ConvertToUtf32(c, text[i + 1]))) return i;
                i++;
                continue;
            }

            if (char.IsLowSurrogate(c) || IsNoncharacter(c)) return i;
            if (c < 0x20 && !(multiline && c is '\t' or '\n' or '\r')) return i;
            if (c is >= '\u007F' and <= '\u009F') return i;
        }

        return -1;
    }

    /// <summary>A message naming what is wrong with <paramref name="text"/>, or null when it is safe.</summary>
    public static string? Problem(string text, bool multiline, string field)
    {
        var index = IndexOfUnsafe(text, multiline);
        return index < 0
            ? null
            : $"{field} holds a character that is not accepted (U+{(int)text[index]:X4} at position {index}): " +
              (multiline
                  ? "control characters other than tab and line breaks, unpaired surrogates and noncharacters are refused."
                  : "control characters, line breaks, unpaired surrogates and noncharacters are refused.");
    }

    private static bool IsNoncharacter(int codePoint) =>
        codePoint is >= 0xFDD0 and <= 0xFDEF || (codePoint & 0xFFFE) == 0xFFFE;
}
