using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace RehabLedger.GraphQL.Http;

/// <summary>
/// The Content-Security-Policy of the GraphiQL page: scripts only from this service plus the page's own inline
/// script (allowed by its hash, so an injected one would not run), requests only to this service, and no framing.
/// What the vendored GraphiQL 3.8.3 needs beyond that: inline styles (React sets style attributes and the editor
/// adds style elements), and <c>data:</c> fonts and images (its stylesheet embeds its fonts; the editor uses a
/// <c>data:</c> image while dragging).
/// </summary>
internal static partial class GraphiQLContentSecurity
{
    public static string PolicyFor(string html)
    {
        var inlineScripts = InlineScript().Matches(html)
            .Select(m => $"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(m.Groups[1].Value)))}'");
        return string.Join("; ",
            "default-src 'none'",
            string.Join(' ', ["script-src 'self'", .. inlineScripts]),
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data:",
            "font-src 'self' data:",
            "connect-src 'self'",
            "base-uri 'none'",
            "form-action 'none'",
            "frame-ancestors 'none'");
    }

    // A <script> element without a src attribute; its text, exactly as the browser hashes it.
    [GeneratedRegex("<script(?![^>]*\\bsrc\\s*=)[^>]*>(.*?)</script>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();
}
