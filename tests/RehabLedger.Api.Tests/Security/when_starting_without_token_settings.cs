using System.Diagnostics;
using RehabLedger.Security;

namespace RehabLedger.Tests.Security;

/// <summary>
/// Outside Development and Testing the service will not start without its token settings, or with the published
/// development key: it says what to set and exits with 1, before it provisions any database.
/// </summary>
public sealed class when_starting_without_token_settings
{
    private static async Task<(int ExitCode, string Error)> Start(params (string Name, string Value)[] environment)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "RehabLedger.Api.dll")])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("Auth__", StringComparison.OrdinalIgnoreCase)).ToList())
            start.Environment.Remove(name);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        // A data folder nobody uses: were the check to come too late, the service would stop on this, not start PostgreSQL.
        start.Environment["EmbeddedPostgres__BinDirectory"] = "/nonexistent";
        foreach (var (name, value) in environment) start.Environment[name] = value;

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token);
        return (process.ExitCode, await error);
    }

    [Fact]
    public async Task missing_settings_stop_it_with_a_message_naming_them()
    {
        var (exitCode, error) = await Start();
        exitCode.ShouldBe(1);
        error.ShouldContain("RehabLedger cannot start: Auth:Issuer, Auth:Audience, Auth:SigningKey not configured");
    }

    [Fact]
    public async Task a_short_key_stops_it()
    {
        var (exitCode, error) = await Start(("Auth__Issuer", "https://id.example.org"), ("Auth__Audience", "rehabledger"),
            ("Auth__SigningKey", Convert.ToBase64String(new byte[16])));
        exitCode.ShouldBe(1);
        error.ShouldContain("decodes to 16 bytes; HS256 needs at least 32");
    }

    [Fact]
    public async Task the_published_development_key_stops_it()
    {
        var (exitCode, error) = await Start(("Auth__Issuer", "https://id.example.org"), ("Auth__Audience", "rehabledger"),
            ("Auth__SigningKey", AuthSettings.DevelopmentSigningKey));
        exitCode.ShouldBe(1);
        error.ShouldContain("published development key");
    }

    [Theory]
    [InlineData("a trailing space")]
    [InlineData("other padding bits")]
    [InlineData("url-safe")]
    public async Task another_spelling_of_the_published_development_key_stops_it(string spelling)
    {
        var key = AuthSettings.DevelopmentSigningKey;
        var (exitCode, error) = await Start(("Auth__Issuer", "https://id.example.org"), ("Auth__Audience", "rehabledger"),
            ("Auth__SigningKey", spelling switch
            {
                "a trailing space" => key + " ",
                "other padding bits" => key[..^3] + (char)(key[^3] + 1) + "==",
                _ => key.TrimEnd('=').Replace('+', '-').Replace('/', '_'),
            }));
        exitCode.ShouldBe(1);
        error.ShouldContain("published development key");
    }

    [Fact]
    public void development_ships_the_published_key_and_nothing_else_does()
    {
        var settings = Directory.GetFiles(Path.Combine(Support.RepositoryRoot.Path, "src", "RehabLedger.Api"), "appsettings*.json");
        foreach (var file in settings)
        {
            var text = File.ReadAllText(file);
            if (Path.GetFileName(file) == "appsettings.Development.json") text.ShouldContain(AuthSettings.DevelopmentSigningKey);
            else text.ShouldNotContain("SigningKey\"", Case.Sensitive, $"{file} must not hold a signing key");
        }
    }
}
