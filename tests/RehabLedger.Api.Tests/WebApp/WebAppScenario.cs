using System.Text.RegularExpressions;
using Microsoft.Playwright;
using RehabLedger.Tests.Support;

namespace RehabLedger.Tests.WebApp;

/// <summary>
/// Base of the browser tests: a fresh context and page per test, every request that would leave the machine
/// refused and remembered, every console error and page error remembered; a test fails on any of them.
/// </summary>
[Collection(BrowserCollection.Name)]
public abstract class WebAppScenario(BrowserFixture fixture) : IAsyncLifetime
{
    private readonly List<string> _consoleErrors = [];
    private readonly List<string> _foreignRequests = [];
    private IBrowserContext? _context;
    private int _expectedConsoleErrors;

    protected BrowserFixture Fixture { get; } = fixture;
    protected WebAppService Service => Fixture.Service;
    protected IPage Page { get; private set; } = null!;
    protected string BaseUrl => Service.BaseUrl;

    public async Task InitializeAsync()
    {
        if (Chromium.Executable is null) return;
        _context = await Fixture.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 }, AcceptDownloads = true });
        _context.SetDefaultTimeout(15_000);
        await _context.RouteAsync("**/*", async route =>
        {
            var url = new Uri(route.Request.Url);
            if (url.Scheme is "http" or "https" && url.Host is not ("127.0.0.1" or "localhost"))
            {
                lock (_foreignRequests) _foreignRequests.Add(route.Request.Url);
                await route.AbortAsync();
            }
            else await route.ContinueAsync();
        });
        Page = await _context.NewPageAsync();
        Page.Console += (_, message) =>
        {
            if (message.Type == "error") lock (_consoleErrors) _consoleErrors.Add(message.Text);
        };
        Page.PageError += (_, error) => { lock (_consoleErrors) _consoleErrors.Add(error); };
    }

    public async Task DisposeAsync()
    {
        if (_context is null) return;
        await _context.DisposeAsync();
        _foreignRequests.ShouldBeEmpty("no request may leave the machine");
        _consoleErrors.Count.ShouldBe(_expectedConsoleErrors, $"the page logs no error: {string.Join(" | ", _consoleErrors)}");
    }

    /// <summary>For a test that provokes errors on purpose (a blocked script).</summary>
    protected void ExpectConsoleErrors(int count) => _expectedConsoleErrors = count;

    /// <summary>Opens the app and signs in as a demo user by their button, as a developer does.</summary>
    protected async Task SignInAs(string displayName)
    {
        await Page.GotoAsync($"{BaseUrl}/app");
        await Page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex($"^{Regex.Escape(displayName)}") }).ClickAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).WaitForAsync();
    }

    protected Task Open(string route) => Page.GotoAsync($"{BaseUrl}/app{route}");

    /// <summary>Saves a screenshot of the whole page for docs/09-web-app.md.</summary>
    protected async Task Screenshot(string name)
    {
        var folder = Path.Combine(RepositoryRoot.Path, "docs", "images");
        Directory.CreateDirectory(folder);
        await Page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"webapp-{name}.png"), FullPage = true });
    }
}
