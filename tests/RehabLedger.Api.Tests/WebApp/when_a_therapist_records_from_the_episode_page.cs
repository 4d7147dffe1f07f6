using Microsoft.Playwright;
using RehabLedger.Demo;

namespace RehabLedger.Tests.WebApp;

/// <summary>
/// Each test writes to an episode of its own, so that they hold in any order on the one service they share.
/// </summary>
public sealed class when_a_therapist_records_from_the_episode_page(BrowserFixture fixture) : WebAppScenario(fixture)
{
    private static readonly Guid Novak = DemoIds.Episode(4);   // no recent attendance
    private static readonly Guid Okafor = DemoIds.Episode(2);  // validation, conflict
    private static readonly Guid Chen = DemoIds.Episode(3);    // dosage change

    private ILocator Session => Page.Locator("form[aria-labelledby=session-title]");

    [BrowserFact]
    public async Task the_episode_shows_measures_with_verdicts_goals_weekly_charts_and_the_program()
    {
        await SignInAs("Dana Whitfield");
        await Open($"#/episode/{DemoIds.Episode(1)}");

        var lefs = Page.Locator("section[aria-labelledby=measures-title] tbody tr").Filter(new() { HasText = "Lower Extremity Functional Scale" });
        (await lefs.InnerTextAsync()).ShouldContain("Reaches MCID");
        await Page.Locator("#chart-LEFS").WaitForAsync();
        (await Page.Locator("#chart-LEFS").GetAttributeAsync("aria-label"))!.ShouldContain("the MCID is reached at 47");
        (await Page.Locator("section[aria-labelledby=goals-title] tbody tr").CountAsync()).ShouldBeGreaterThan(0);
        (await Page.Locator("section[aria-labelledby=goals-title] meter").CountAsync()).ShouldBeGreaterThan(0);
        (await Page.Locator("#chart-weekly").GetAttributeAsync("aria-label"))!.ShouldContain("home adherence");
        (await Page.Locator("section[aria-labelledby=program-title] tbody tr").CountAsync()).ShouldBeGreaterThan(0);
        // Charts are drawn (Chart.js sized the canvas) before the screenshot is taken.
        await Page.WaitForFunctionAsync("() => [...document.querySelectorAll('canvas')].every(c => c.width > 0 && Chart.getChart(c))");
        await Screenshot("episode");
    }

    [BrowserFact]
    public async Task a_session_recorded_in_the_page_updates_the_episode_and_clears_the_caseload_flag()
    {
        await SignInAs("Marcus Oyelaran");
        var novak = Page.Locator("table.caseload tbody tr").Filter(new() { HasText = "Novak" });
        await Assertions.Expect(novak.Locator(".flag")).ToContainTextAsync(["No recent attendance"]);
        await novak.GetByRole(AriaRole.Link).ClickAsync();
        var sessions = int.Parse(await Page.Locator("#session-count").InnerTextAsync());

        await Session.GetByLabel("Minutes").FillAsync("40");
        await Session.GetByLabel("Pain before (0-10)").FillAsync("3");
        await Session.GetByLabel("Pain after (0-10)").FillAsync("2");
        await Session.GetByLabel("Note").FillAsync("Balance work, tolerated well.");
        await Screenshot("record");
        await Session.GetByRole(AriaRole.Button, new() { Name = "Record session" }).ClickAsync();

        await Session.GetByRole(AriaRole.Status).GetByText("recorded").WaitForAsync();
        await Assertions.Expect(Page.Locator("#session-count")).ToHaveTextAsync((sessions + 1).ToString());

        // The caseload is an asynchronous projection; the open caseload picks the change up by itself.
        await Page.GetByRole(AriaRole.Link, new() { Name = "Caseload", Exact = true }).First.ClickAsync();
        await Assertions.Expect(novak).ToContainTextAsync("Novak");
        await Assertions.Expect(novak.Locator(".flag", new() { HasText = "No recent attendance" })).ToHaveCountAsync(0, new() { Timeout = 15_000 });
    }

    [BrowserFact]
    public async Task a_refused_value_is_shown_at_its_field_and_nothing_is_recorded()
    {
        await SignInAs("Dana Whitfield");
        await Open($"#/episode/{Okafor}");
        var version = await Page.Locator("#episode-version").InnerTextAsync();

        await Session.GetByLabel("Pain before (0-10)").FillAsync("12");
        await Session.GetByRole(AriaRole.Button, new() { Name = "Record session" }).ClickAsync();

        var field = Session.GetByLabel("Pain before (0-10)");
        await Assertions.Expect(field).ToHaveAttributeAsync("aria-invalid", "true");
        var errorId = await field.GetAttributeAsync("aria-describedby");
        (await Page.Locator($"#{errorId}").InnerTextAsync()).ShouldContain("outside 0 to 10");
        (await Page.Locator("#episode-version").InnerTextAsync()).ShouldBe(version);
        await Screenshot("validation");
    }

    [BrowserFact]
    public async Task a_change_recorded_meanwhile_by_someone_else_reloads_the_episode_and_says_so()
    {
        await SignInAs("Dana Whitfield");
        await Open($"#/episode/{Okafor}");
        await Session.WaitForAsync();

        var marcus = await Service.Token("marcus");
        var before = await Service.EpisodeVersion(marcus, Okafor);
        await Service.GraphQL(marcus, "mutation($input: RecordSessionInput!) { recordSession(input: $input) { version } }",
            new { input = new { episodeId = Okafor, expectedVersion = before, date = DateTime.UtcNow.ToString("yyyy-MM-dd"), attendance = "CANCELLED" } });

        await Session.GetByRole(AriaRole.Button, new() { Name = "Record session" }).ClickAsync();

        await Assertions.Expect(Session.GetByRole(AriaRole.Alert)).ToContainTextAsync("Someone else changed this episode");
        await Assertions.Expect(Page.Locator("#episode-version")).ToHaveTextAsync((before + 1).ToString());
        (await Service.EpisodeVersion(marcus, Okafor)).ShouldBe(before + 1, "the stale submission recorded nothing");
    }

    [BrowserFact]
    public async Task a_dosage_progression_with_its_reason_becomes_the_current_program()
    {
        await SignInAs("Marcus Oyelaran");
        await Open($"#/episode/{Chen}");
        var form = Page.Locator("form[aria-labelledby=dosage-title]");
        var exercise = await form.GetByLabel("Exercise").Locator("option:checked").InnerTextAsync();
        var sets = int.Parse(await form.GetByLabel("Sets").InputValueAsync());

        await form.GetByLabel("Change").SelectOptionAsync("PROGRESSION");
        await form.GetByLabel("Sets").FillAsync((sets + 1).ToString());
        await form.GetByLabel("Reason").FillAsync("Pain-free through full range; progress volume.");
        await form.GetByRole(AriaRole.Button, new() { Name = "Record dosage change" }).ClickAsync();

        await form.GetByRole(AriaRole.Status).GetByText("Progression").WaitForAsync();
        var row = Page.Locator("section[aria-labelledby=program-title] tbody tr").Filter(new() { HasText = exercise });
        await Assertions.Expect(row).ToContainTextAsync($"{sets + 1} ×");
        await Assertions.Expect(row).ToContainTextAsync("Progression on");
        await Assertions.Expect(row).ToContainTextAsync("Pain-free through full range; progress volume.");
    }
}
