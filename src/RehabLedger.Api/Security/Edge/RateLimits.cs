using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace RehabLedger.Security.Edge;

/// <summary>One kind of caller's allowance: a bucket of <see cref="Burst"/> requests, refilled at <see cref="PermitsPerMinute"/>.</summary>
public sealed class RateLimit
{
    public int PermitsPerMinute { get; set; }
    public int Burst { get; set; }
}

/// <summary>
/// The configuration section <c>RateLimits</c>: how many requests each caller may make to the endpoints that do work
/// (<see cref="RateLimits.LimitedPaths"/>). An authenticated caller is counted by its token's subject, wherever it
/// calls from; an anonymous one (or one whose token does not validate) by its address.
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    public bool Enabled { get; set; } = true;

    /// <summary>A person clicking through GraphiQL or a clinic system syncing makes far fewer than 10 requests a second.</summary>
    public RateLimit Authenticated { get; set; } = new() { PermitsPerMinute = 600, Burst = 120 };

    /// <summary>Anonymous callers may read the outcome measure catalog, and in Development ask for tokens.</summary>
    public RateLimit Anonymous { get; set; } = new() { PermitsPerMinute = 120, Burst = 60 };
}

/// <summary>
/// Per-caller rate limiting with ASP.NET Core's rate limiter: token buckets partitioned by caller, answering 429
/// <see cref="EdgeErrors.RateLimited"/> with <c>Retry-After</c>. It runs after authentication, so a validated token's
/// subject is known; a forged or expired token validates nothing and is counted by address, so it cannot buy itself a
/// fresh allowance.
/// </summary>
public static class RateLimits
{
    /// <summary>The endpoints that do work for a caller. Health, static files and GraphiQL's page are not counted.</summary>
    public static readonly string[] LimitedPaths = ["/graphql", "/fhir", DevTokens.Path];

    public static IServiceCollection AddRehabLedgerRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(RateLimitOptions.Section).Get<RateLimitOptions>() ?? new RateLimitOptions();
        Check(options.Authenticated, nameof(RateLimitOptions.Authenticated));
        Check(options.Anonymous, nameof(RateLimitOptions.Anonymous));
        services.AddSingleton(options);
        services.AddRateLimiter(limiter =>
        {
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context => Partition(context, options));
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = OnRejected;
        });
        return services;
    }

    /// <summary>Which allowance a request draws on: none, its token's subject's, or its address's.</summary>
    public static RateLimitPartition<string> Partition(HttpContext context, RateLimitOptions options)
    {
        if (!options.Enabled || !LimitedPaths.Any(p => context.Request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase)))
            return RateLimitPartition.GetNoLimiter("unlimited");

        return Caller.From(context.User, out _) is { } caller
            ? Bucket("subject:" + caller.Subject, options.Authenticated)
            : Bucket("address:" + AddressKey(context.Connection.RemoteIpAddress), options.Anonymous);
    }

    /// <summary>
    /// An IPv4 address as it is; an IPv6 address by its /64 network, since one host is usually given a whole /64 and
    /// could otherwise take a fresh allowance per address.
    /// </summary>
    public static string AddressKey(IPAddress? address)
    {
        if (address is null) return "unknown";
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetworkV6) return address.ToString();
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    private static RateLimitPartition<string> Bucket(string key, RateLimit limit) =>
        RateLimitPartition.GetTokenBucketLimiter(key, _ =>
        {
            // Refilled about every second rather than once a minute, so a caller who paused gets going again soon.
            var tokensPerPeriod = (int)Math.Ceiling(limit.PermitsPerMinute / 60.0);
            return new TokenBucketRateLimiterOptions
            {
                TokenLimit = limit.Burst,
                TokensPerPeriod = tokensPerPeriod,
                ReplenishmentPeriod = TimeSpan.FromMinutes((double)tokensPerPeriod / limit.PermitsPerMinute),
                QueueLimit = 0,
                AutoReplenishment = true,
            };
        });

    private static async ValueTask OnRejected(OnRejectedContext rejected, CancellationToken ct)
    {
        var context = rejected.HttpContext;
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        context.RequestServices.GetService<ILoggerFactory>()?.CreateLogger(typeof(RateLimits).FullName!)
            .LogInformation("A request to {Path} was refused by the rate limit", context.Request.Path.Value);
        await EdgeErrors.WriteAsync(context, StatusCodes.Status429TooManyRequests, EdgeErrors.RateLimited,
            $"Too many requests from this caller; try again in {seconds} s.");
    }

    private static void Check(RateLimit limit, string name)
    {
        if (limit.PermitsPerMinute < 1 || limit.Burst < 1)
            throw new Infrastructure.InvalidConfigurationException(
                $"{RateLimitOptions.Section}:{name}:PermitsPerMinute and :Burst must be at least 1 (set {RateLimitOptions.Section}:Enabled to false to turn limiting off).");
    }
}
