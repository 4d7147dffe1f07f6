using System.Net;

namespace RehabLedger.Security.Edge;

/// <summary>
/// In Development the service answers only requests addressed to this machine by a loopback name: <c>localhost</c>,
/// a <c>*.localhost</c> name, or a loopback address (<c>127.0.0.1</c>, <c>[::1]</c>). Development mints
/// platform_admin tokens for anyone who asks, so a web page a developer visits must not reach it by DNS rebinding
/// (a name of the attacker's that is made to resolve to 127.0.0.1 keeps its own Host header, and is refused here).
/// Anything else is answered 400 <see cref="EdgeErrors.HostNotAllowed"/>. Outside Development, name the hosts to
/// answer with ASP.NET Core's <c>AllowedHosts</c> setting.
/// </summary>
public sealed class LoopbackHostsOnly(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context) =>
        IsLoopback(context.Request.Host)
            ? next(context)
            : EdgeErrors.WriteAsync(context, StatusCodes.Status400BadRequest, EdgeErrors.HostNotAllowed,
                "In Development this service answers only requests addressed to localhost, a *.localhost name, 127.0.0.1 or [::1].");

    public static bool IsLoopback(HostString host)
    {
        if (!host.HasValue) return false;
        var name = host.Host.TrimEnd('.');
        if (name.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            || name.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase)) return true;
        return IPAddress.TryParse(name.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address)
            // Only the canonical spelling: "0x7f.1" and "2130706433" parse to loopback too, and name nothing a browser sends.
            && (name is "[::1]" || address.ToString() == name);
    }
}
