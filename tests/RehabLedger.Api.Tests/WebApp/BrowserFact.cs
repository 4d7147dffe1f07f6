namespace RehabLedger.Tests.WebApp;

/// <summary>
/// A test that needs a Chromium executable. Without one it is skipped, saying so; <c>.ci/run</c> installs Debian's
/// <c>chromium</c> package, so in CI these tests always run.
/// </summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (Chromium.Executable is null)
            Skip = $"No Chromium executable ({string.Join(", ", Chromium.Candidates)} or CHROMIUM_PATH): install Debian's chromium package to run the web app tests.";
    }
}

public static class Chromium
{
    public static readonly string[] Candidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

    public static string? Executable { get; } =
        new[] { Environment.GetEnvironmentVariable("CHROMIUM_PATH") }.Concat(Candidates).FirstOrDefault(p => !string.IsNullOrEmpty(p) && File.Exists(p));
}

/// <summary>A theory that needs a Chromium executable; see <see cref="BrowserFactAttribute"/>.</summary>
public sealed class BrowserTheoryAttribute : TheoryAttribute
{
    public BrowserTheoryAttribute()
    {
        if (Chromium.Executable is null)
            Skip = $"No Chromium executable ({string.Join(", ", Chromium.Candidates)} or CHROMIUM_PATH): install Debian's chromium package to run the web app tests.";
    }
}
