namespace RehabLedger.Infrastructure.Health;

/// <summary>
/// <c>dotnet RehabLedger.Api.dll --probe URL</c>: asks a running service for its health and exits 0 when it answers
/// 200, 1 otherwise. The container health check uses it: the ASP.NET Core runtime image has neither curl nor wget,
/// and the service binary is there anyway.
/// </summary>
public static class HealthProbe
{
    public const string Flag = "--probe";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public static bool Requested(string[] args, out string url)
    {
        url = args is [Flag, var given, ..] ? given : args is [Flag] ? "http://127.0.0.1:8080/health/ready" : "";
        return url.Length > 0;
    }

    public static async Task<int> RunAsync(string url)
    {
        using var client = new HttpClient { Timeout = Timeout };
        try
        {
            using var response = await client.GetAsync(url);
            Console.WriteLine($"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or UriFormatException or InvalidOperationException)
        {
            Console.WriteLine($"{url}: {e.Message}");
            return 1;
        }
    }
}
