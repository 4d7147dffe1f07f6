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

    /// <summary>Tolerated difference between the issuer's clock and ours when checking expiry.</summary>
    public TimeSpan ClockSkew { get; init; } = TimeSpan.FromSeconds(30);

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

        if (!environment.IsDevelopment() && key == DevelopmentSigningKey)
            throw new InvalidConfigurationException(
                $"{Section}:SigningKey is the published development key; configure a secret key of your own outside Development.");

        return new AuthSettings
        {
            Issuer = string.IsNullOrWhiteSpace(issuer) ? "rehabledger-local" : issuer,
            Audience = string.IsNullOrWhiteSpace(audience) ? "rehabledger-api" : audience,
            SigningKey = string.IsNullOrWhiteSpace(key) ? RandomNumberGenerator.GetBytes(MinimumKeyBytes) : Decode(key),
        };
    }

    private static byte[] Decode(string key)
    {
        var buffer = new byte[key.Length];
        if (!Convert.TryFromBase64String(key.Trim(), buffer, out var length))
            throw new InvalidConfigurationException($"{Section}:SigningKey is not base64.");
        if (length < MinimumKeyBytes)
            throw new InvalidConfigurationException(
                $"{Section}:SigningKey decodes to {length} bytes; HS256 needs at least {MinimumKeyBytes}.");
        return buffer[..length];
    }
}
