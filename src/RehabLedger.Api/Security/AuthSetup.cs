using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using RehabLedger.Access;

namespace RehabLedger.Security;

public static class AuthSetup
{
    /// <summary>
    /// Bearer tokens (HS256, the configured issuer and audience, unexpired), read without claim mapping, and the
    /// role policies. A token that validates but does not describe a coherent caller (see <see cref="Caller"/>) is
    /// refused like a forged one. Throws <see cref="Infrastructure.InvalidConfigurationException"/> when the settings are unusable.
    /// </summary>
    public static WebApplicationBuilder AddRehabLedgerAuth(this WebApplicationBuilder builder)
    {
        var settings = AuthSettings.Load(builder.Configuration, builder.Environment);
        var services = builder.Services;
        services.AddSingleton(settings);
        services.AddSingleton<TokenIssuer>();
        services.AddHttpContextAccessor();
        services.AddRehabLedgerAccess();

        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme).Configure<TimeProvider>((options, clock) =>
        {
            // Claims keep their names from the token: 'sub' stays 'sub', 'role' stays 'role'.
            options.MapInboundClaims = false;
            options.TokenValidationParameters = new TokenValidationParameters
            {
                ValidIssuer = settings.Issuer,
                ValidAudience = settings.Audience,
                IssuerSigningKey = new SymmetricSecurityKey(settings.SigningKey),
                // Pinning the algorithm closes the door on 'alg: none' and on algorithm confusion.
                ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
                ValidateIssuer = true,
                ValidateAudience = true,
                ValidateLifetime = true,
                ValidateIssuerSigningKey = true,
                RequireExpirationTime = true,
                RequireSignedTokens = true,
                ClockSkew = settings.ClockSkew,
                // The service's clock rather than the token library's, so expiry follows the same "now" as everything else.
                LifetimeValidator = (notBefore, expires, _, _) => Lifetime.Valid(notBefore, expires, clock.GetUtcNow().UtcDateTime, settings.ClockSkew),
                NameClaimType = RehabClaims.Name,
                RoleClaimType = RehabClaims.Role,
            };
            options.Events = new JwtBearerEvents
            {
                OnTokenValidated = context =>
                {
                    var problem = context.SecurityToken is JsonWebToken token
                        ? Lifetime.Problem(Time(token.IssuedAt), Time(token.ValidFrom), token.ValidTo, clock.GetUtcNow().UtcDateTime,
                            settings.ClockSkew, settings.MaxTokenLifetime)
                        : "it is not a JSON web token";
                    if (problem is null) Caller.From(context.Principal, out problem);
                    if (problem is not null) context.Fail($"The token is not usable: {problem}.");
                    return Task.CompletedTask;
                },
            };
        });

        services.AddAuthorization(options =>
        {
            foreach (var (policy, roles) in Policies.Roles)
                options.AddPolicy(policy, p => p.RequireAuthenticatedUser().RequireRole(roles));
        });
        return builder;
    }

    // The token library reports an absent time claim as DateTime.MinValue.
    private static DateTime? Time(DateTime value) => value == DateTime.MinValue ? null : value;
}

/// <summary>Whether a token is within its lifetime, and whether that lifetime is one the service accepts.</summary>
public static class Lifetime
{
    /// <summary>It must have an expiry, with the clock skew allowed on both ends.</summary>
    public static bool Valid(DateTime? notBefore, DateTime? expires, DateTime now, TimeSpan skew) =>
        expires is { } end && end + skew > now && (notBefore is not { } start || start - skew <= now);

    /// <summary>
    /// Why a token's declared times are refused, or null when they are accepted. A token is issued no later than now
    /// (within the clock skew), and lives at most <paramref name="maxLifetime"/> from the moment it becomes valid: its
    /// <c>nbf</c>, else its <c>iat</c>. A token that states neither is measured from now, so what remains of its life
    /// is bounded the same way. A stolen token is then worth a day at most, however its issuer was configured.
    /// </summary>
    public static string? Problem(DateTime? issuedAt, DateTime? notBefore, DateTime expires, DateTime now, TimeSpan skew, TimeSpan maxLifetime)
    {
        if (issuedAt > now + skew) return "its issue time ('iat') is in the future";
        if (notBefore > now + skew) return "it is not valid yet ('nbf')";
        var start = notBefore ?? issuedAt ?? now;
        return expires - start > maxLifetime ? $"it lives longer than the {maxLifetime} the service accepts" : null;
    }
}
