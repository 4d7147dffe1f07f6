using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;

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
        services.AddScoped<AccessGuard>();

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
                    if (Caller.From(context.Principal, out var problem) is null) context.Fail($"The token is not usable: {problem}.");
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
}

/// <summary>Whether a token is within its lifetime: it must have an expiry, with the clock skew allowed on both ends.</summary>
public static class Lifetime
{
    public static bool Valid(DateTime? notBefore, DateTime? expires, DateTime now, TimeSpan skew) =>
        expires is { } end && end + skew > now && (notBefore is not { } start || start - skew <= now);
}
