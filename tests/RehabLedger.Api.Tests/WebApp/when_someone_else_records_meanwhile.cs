using Microsoft.Playwright;
using RehabLedger.Demo;

namespace RehabLedger.Tests.WebApp;

/// <summary>
/// Open views follow what others record by a short poll while the tab is visible. The page's clock is Playwright's
/// fake one, so the poll's interval passes when the test says, not after a real wait.
/// </summary>
public sealed class when_someone_else_records_meanwhile(BrowserFixture fixture) : WebAppScenario(fixture)
{
    private static readonly Guid Haddad = DemoIds.Episode(5);
    private ILocator Notice => Page.Locator("#episode-notice");

    private async Task OpenTheEpisode()
    {
        await Page.Clock.InstallAsync();
        await SignInAs("Dana Whitfield");
        await Open($"#/episode/{Haddad}");
        await Page.Locator("#session-count").WaitForAsync();
    }

    private async Task RecordANoShowAsMarcus()
    {
        var marcus = await Service.Token("marcus");
        await Service.GraphQL(marcus, "mutation($input: RecordSessionInput!) { recordSession(input: $input) { version } }",
            new { input = new { episodeId = Haddad, expectedVersion = await Service.EpisodeVersion(marcus, Haddad), date = DateTime.UtcNow.ToString("yyyy-MM-dd"), attendance = "NO_SHOW" } });
    }

    // Headless Chromium's tab is always visible; the page is told otherwise the way a browser tells it.
    private Task SetVisibility(string state) => Page.EvaluateAsync(
        "state => { Object.defineProperty(document, 'visibilityState', { value: state, configurable: true }); document.dispatchEvent(new Event('visibilitychange')); }",
        state);

    [BrowserFact]
    public async Task an_open_episode_shows_the_new_entry_without_a_reload()
    {
        await OpenTheEpisode();
        var sessions = int.Parse(await Page.Locator("#session-count").InnerTextAsync());

        await RecordANoShowAsMarcus();
        await Page.Clock.RunForAsync(5_000);

        await Assertions.Expect(Notice).ToContainTextAsync("Updated");
        await Assertions.Expect(Page.Locator("#session-count")).ToHaveTextAsync((sessions + 1).ToString());
    }

    [BrowserFact]
    public async Task a_hidden_tab_asks_nothing_and_catches_up_as_soon_as_it_is_shown()
    {
        await OpenTheEpisode();
        await SetVisibility("hidden");
        var requests = 0;
        Page.Request += (_, request) =>
        {
            if (request.Url.EndsWith("/graphql")) Interlocked.Increment(ref requests);
        };

        await RecordANoShowAsMarcus();
        await Page.Clock.RunForAsync(60_000);
        requests.ShouldBe(0, "a hidden tab does not poll");
        (await Notice.InnerTextAsync()).ShouldBeEmpty();

        await SetVisibility("visible");
        await Assertions.Expect(Notice).ToContainTextAsync("Updated");
    }
}
