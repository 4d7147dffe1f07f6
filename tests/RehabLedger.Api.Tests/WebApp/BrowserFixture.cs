using Microsoft.Playwright;

namespace RehabLedger.Tests.WebApp;

/// <summary>
/// One service process and one headless Chromium for all web app tests; each test gets a fresh browser context
/// (its own session storage, so its own sign-in).
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public WebAppService Service { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        // Nothing to start when the tests will skip for want of a browser.
        if (Chromium.Executable is null) return;
        Service = await WebAppService.StartAsync();
        _playwright = await Playwright.CreateAsync();
        // The machine's Chromium, not one Playwright downloads; as root it needs --no-sandbox.
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Chromium.Executable,
            Headless = true,
            Args = ["--no-sandbox"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        if (Service is not null) await Service.DisposeAsync();
    }
}

/// <summary>
/// The browser tests run on their own, after the others: the timing they measure must not compete with the
/// rest of the suite for the machine's two cores.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
