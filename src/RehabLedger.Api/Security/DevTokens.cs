using System.Security.Claims;
using RehabLedger.Demo;

namespace RehabLedger.Security;

/// <summary>What <c>POST /dev/tokens</c> accepts: a demo user's name, or the claims of a token.</summary>
public sealed record DevTokenRequest(
    string? User, string? Sub, string? Name, string? Role, List<Guid>? Clinics, string? Payer, Guid? Patient, int? LifetimeMinutes);

public sealed record DevTokenResponse(string Token, string TokenType, DateTimeOffset ExpiresAt, TokenClaims Claims);

/// <summary>
/// <c>POST /dev/tokens</c>: mints a token for a demo user or for explicit claims, so the README's examples are two
/// commands away. Mapped in Development only; everywhere else the path does not exist.
/// </summary>
public static class DevTokens
{
    public const string Path = "/dev/tokens";
    private const int MaxLifetimeMinutes = 24 * 60;

    public static WebApplication MapDevTokens(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment()) return app;

        app.MapPost(Path, async (HttpContext http, TokenIssuer issuer, AuthSettings settings) =>
            {
                // A page of another origin must not get a token, even on a developer's own machine.
                if (IsCrossOrigin(http.Request))
                    return Refuse(StatusCodes.Status403Forbidden, Edge.EdgeErrors.CrossOriginRefused,
                        "Tokens are minted only for this service's own pages and for clients that are not browsers (curl, scripts).");

                var (request, refusal) = await DevTokenBody.ReadAsync(http);
                if (refusal is not null) return refusal;
                var (claims, problem) = ClaimsOf(request!);
                if (claims is null) return Refuse(StatusCodes.Status400BadRequest, Edge.EdgeErrors.BadRequest, problem!);
                var lifetime = TimeSpan.FromMinutes(request!.LifetimeMinutes ?? TokenIssuer.DefaultLifetime.TotalMinutes);
                if (lifetime > settings.MaxTokenLifetime)
                    return Refuse(StatusCodes.Status400BadRequest, Edge.EdgeErrors.BadRequest,
                        $"lifetimeMinutes must not exceed the {settings.MaxTokenLifetime.TotalMinutes} minutes Auth:MaxTokenLifetime allows.");
                var (token, expiresAt) = issuer.Issue(claims, lifetime);
                // The bare token for a shell: TOKEN=$(curl -H 'Accept: text/plain' ...), no JSON tool needed.
                return http.Request.Headers.Accept.Any(a => a?.Contains("text/plain", StringComparison.OrdinalIgnoreCase) == true)
                    ? Results.Text(token, "text/plain")
                    : Results.Ok(new DevTokenResponse(token, "Bearer", expiresAt, claims));
            })
            .AllowAnonymous()
            .WithDisplayName("Development tokens");
        return app;
    }

    /// <summary>A refusal as problem details with a stable <c>code</c>.</summary>
    public static IResult Refuse(int status, string code, string message) =>
        Results.Problem(message, statusCode: status, extensions: new Dictionary<string, object?> { ["code"] = code });

    /// <summary>
    /// Whether a browser says the request comes from a page of another origin. Requests from no page at all (curl,
    /// scripts) carry neither header and are not.
    /// </summary>
    private static bool IsCrossOrigin(HttpRequest request)
    {
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site.Length > 0 && site is not ("same-origin" or "none")) return true;
        var origins = request.Headers.Origin;
        return origins.Count > 0
            && !(origins.Count == 1 && string.Equals(origins[0], $"{request.Scheme}://{request.Host}", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The claims to mint, checked by the same rules authentication applies, so a minted token is usable.</summary>
    public static (TokenClaims? Claims, string? Problem) ClaimsOf(DevTokenRequest request)
    {
        if (request.LifetimeMinutes is < 1 or > MaxLifetimeMinutes)
            return (null, $"lifetimeMinutes must be between 1 and {MaxLifetimeMinutes}.");
        if (request.User is { } user)
        {
            if (!Common.SafeText.IsSafe(user, multiline: false) || user.Length > Common.Validate.ShortText)
                return (null, "user is not the name of a demo user.");
            return DemoUsers.ByName.TryGetValue(user, out var demo)
                ? (demo, null)
                : (null, $"'{user}' is not a demo user; use one of {string.Join(", ", DemoUsers.ByName.Keys)}, or give sub and role.");
        }

        var claims = new TokenClaims(request.Sub ?? "", request.Name ?? request.Sub ?? "", request.Role ?? "", request.Clinics, request.Payer, request.Patient);
        var identity = new ClaimsIdentity(Flatten(claims), authenticationType: "dev-token", RehabClaims.Name, RehabClaims.Role);
        return Caller.From(new ClaimsPrincipal(identity), out var problem) is null ? (null, $"Cannot mint that token: {problem}.") : (claims, null);
    }

    private static IEnumerable<Claim> Flatten(TokenClaims claims)
    {
        yield return new Claim(RehabClaims.Subject, claims.Subject);
        yield return new Claim(RehabClaims.Name, claims.Name);
        if (claims.Role.Length > 0) yield return new Claim(RehabClaims.Role, claims.Role);
        foreach (var clinic in claims.Clinics ?? []) yield return new Claim(RehabClaims.Clinic, clinic.ToString());
        if (claims.Payer is not null) yield return new Claim(RehabClaims.Payer, claims.Payer);
        if (claims.Patient is { } patient) yield return new Claim(RehabClaims.Patient, patient.ToString());
    }
}
