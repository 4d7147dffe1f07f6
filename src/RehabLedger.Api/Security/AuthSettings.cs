using System.Security.Cryptography;
using RehabLedger.Infrastructure;

namespace RehabLedger.Security;

/// <summary>
/// How tokens are checked, from the configuration section <c>Auth</c>: the issuer and audience every token must
/// name, and the HS256 key every token must be signed with (base64, at least 32 bytes once decoded).
/// </summary>
public sealed class AuthSettings
{
    public const string Section = "Auth";
    public const int MinimumKeyBytes = 32;

    /// <summary>
    /// The key appsettings.Development.json ships with. It is public, so the service refuses it anywhere but in
    /// Development: a production configuration copied from the development one must not start.
    /// </summary>
    public const string DevelopmentSigningKey =
        "UmVoYWJMZWRnZXIgREVWRUxPUE1FTlQgT05MWSBzaWduaW5nIGtleTogcHVibGljLCBuZXZlciBmb3IgcHJvZHVjdGlvbg==";

    public required string Issuer { get; init; }
    public required string Audience { get; init; }
    public required byte[] SigningKey { get; init; }

    /// <summary>Tolerated difference between the issuer's clock and ours when checking expiry and issue times.</summary>
    public TimeSpan ClockSkew { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest lifetime a token may declare (<c>Auth:MaxTokenLifetime</c>); see <see cref="Lifetime"/>.</summary>
    public TimeSpan MaxTokenLifetime { get; init; } = DefaultMaxTokenLifetime;

    public static readonly TimeSpan DefaultMaxTokenLifetime = TimeSpan.FromHours(24);

    /// <summary>
    /// Reads and checks the settings. Outside Development and Testing every setting is required; there a missing
    /// key gets a random one for this run (tokens minted elsewhere then fail, which is the safe direction).
    /// </summary>
    public static AuthSettings Load(IConfiguration configuration, IHostEnvironment environment)
    {
        var section = configuration.GetSection(Section);
        var lenient = environment.IsDevelopment() || environment.IsEnvironment("Testing");
        var issuer = section["Issuer"];
        var audience = section["Audience"];
        var key = section["SigningKey"];

        var missing = new[] { ("Issuer", issuer), ("Audience", audience), ("SigningKey", key) }
            .Where(x => string.IsNullOrWhiteSpace(x.Item2)).Select(x => $"{Section}:{x.Item1}").ToList();
        if (missing.Count > 0 && !lenient)
            throw new InvalidConfigurationException(
                $"{string.Join(", ", missing)} not configured. Set {Section}__Issuer, {Section}__Audience and {Section}__SigningKey " +
                $"(a base64 key of at least {MinimumKeyBytes} random bytes, for example from 'openssl rand -base64 32').");

        // The key is compared by what it decodes to, read as leniently as any base64 reader would: the development
        // key with a space, a line break, other padding bits or in its URL-safe form is still the development key.
        if (!environment.IsDevelopment() && !string.IsNullOrEmpty(key) && LenientDecode(key) is { } bytes
            && bytes.AsSpan().SequenceEqual(Convert.FromBase64String(DevelopmentSigningKey)))
            throw new InvalidConfigurationException(
                $"{Section}:SigningKey is the published development key; configure a secret key of your own outside Development.");

        return new AuthSettings
        {
            Issuer = string.IsNullOrWhiteSpace(issuer) ? "rehabledger-local" : issuer,
            Audience = string.IsNullOrWhiteSpace(audience) ? "rehabledger-api" : audience,
            SigningKey = string.IsNullOrWhiteSpace(key) ? RandomNumberGenerator.GetBytes(MinimumKeyBytes) : Decode(key),
            MaxTokenLifetime = MaxLifetime(section["MaxTokenLifetime"]),
        };
    }

    /// <summary>
    /// The key's bytes. Only canonical base64 is accepted (no whitespace, standard alphabet, padded, unused bits zero:
    /// the text <see cref="Convert.ToBase64String(byte[])"/> writes for those bytes), so one key has one spelling and
    /// the comparisons above cannot be sidestepped by another.
    /// </summary>
    private static byte[] Decode(string key)
    {
        var buffer = new byte[key.Length];
        if (!Convert.TryFromBase64String(key, buffer, out var length) || Convert.ToBase64String(buffer, 0, length) != key)
            throw new InvalidConfigurationException(
                $"{Section}:SigningKey is not canonical base64 (no spaces or line breaks, the standard alphabet with '=' padding), " +
                "as 'openssl rand -base64 32' writes it.");
        if (length < MinimumKeyBytes)
            throw new InvalidConfigurationException(
                $"{Section}:SigningKey decodes to {length} bytes; HS256 needs at least {MinimumKeyBytes}.");
        return buffer[..length];
    }

    private static byte[]? LenientDecode(string key)
    {
        var text = new string(key.Where(c => !char.IsWhiteSpace(c)).ToArray()).TrimEnd('=').Replace('-', '+').Replace('_', '/');
        text = text.PadRight(text.Length + (4 - text.Length % 4) % 4, '=');
        var buffer = new byte[text.Length];
        return Convert.TryFromBase64String(text, buffer, out var length) ? buffer[..length] : null;
    }

    private static TimeSpan MaxLifetime(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return DefaultMaxTokenLifetime;
        if (TimeSpan.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var value) && value > TimeSpan.Zero) return value;
        throw new InvalidConfigurationException(
            $"{Section}:MaxTokenLifetime '{text}' is not a positive duration such as 08:00:00 or 1.00:00:00 (days.hours:minutes:seconds).");
    }
}
