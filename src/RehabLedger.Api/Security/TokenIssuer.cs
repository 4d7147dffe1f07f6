using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace RehabLedger.Security;

/// <summary>The claims of a token to mint; see <see cref="RehabClaims"/> for what each means.</summary>
public sealed record TokenClaims(
    string Subject, string Name, string Role, IReadOnlyList<Guid>? Clinics = null, string? Payer = null, Guid? Patient = null);

/// <summary>
/// Mints tokens signed with the configured key, for the development token endpoint and for tests. Production
/// tokens come from the organisation's identity provider; nothing outside Development maps an endpoint to this.
/// </summary>
public sealed class TokenIssuer(AuthSettings settings, TimeProvider clock)
{
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromHours(8);

    public (string Token, DateTimeOffset ExpiresAt) Issue(TokenClaims claims, TimeSpan? lifetime = null, byte[]? signingKey = null,
        string? issuer = null, string? audience = null)
    {
        if (lifetime <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(lifetime), "A token must live for some time.");
        var now = clock.GetUtcNow();
        var expires = now + (lifetime ?? DefaultLifetime);
        var values = new Dictionary<string, object>
        {
            [RehabClaims.Subject] = claims.Subject,
            [RehabClaims.Name] = claims.Name,
        };
        if (claims.Role.Length > 0) values[RehabClaims.Role] = claims.Role;
        if (claims.Clinics is { Count: > 0 } clinics) values[RehabClaims.Clinic] = clinics.Select(c => c.ToString()).ToArray();
        if (claims.Payer is not null) values[RehabClaims.Payer] = claims.Payer;
        if (claims.Patient is { } patient) values[RehabClaims.Patient] = patient.ToString();

        var token = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer ?? settings.Issuer,
            Audience = audience ?? settings.Audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            Claims = values,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(signingKey ?? settings.SigningKey), SecurityAlgorithms.HmacSha256),
        });
        return (token, expires);
    }
}
