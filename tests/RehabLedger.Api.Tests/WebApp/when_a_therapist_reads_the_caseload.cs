using System.Diagnostics;
using Microsoft.Playwright;
using RehabLedger.Demo;

namespace RehabLedger.Tests.WebApp;

public sealed class when_a_therapist_reads_the_caseload(BrowserFixture fixture) : WebAppScenario(fixture)
{
    private ILocator Rows => Page.Locator("table.caseload tbody tr");

    [BrowserFact]
    public async Task the_clinics_active_episodes_are_listed_with_their_flags_a_page_at_a_time()
    {
        await SignInAs("Dana Whitfield");

        await Page.Locator("#caseload-count").GetByText($"Episodes 1–20 of {WebAppService.CaseloadSize}").WaitForAsync();
        (await Rows.CountAsync()).ShouldBe(20);
        var haddad = Rows.Filter(new() { HasText = "Haddad" });
        (await haddad.Locator(".flag").AllTextContentsAsync()).ShouldBe(["Pain worsening", "Recent adverse event"]);
        await Screenshot("caseload");

        await Page.GetByRole(AriaRole.Button, new() { Name = "Next page" }).ClickAsync();
        await Page.Locator("#caseload-count").GetByText($"Episodes 21–40 of {WebAppService.CaseloadSize}").WaitForAsync();
        (await Rows.AllTextContentsAsync()).ShouldAllBe(row => row.Contains(WebAppService.ExtraFamilyName));
        await Page.GetByRole(AriaRole.Button, new() { Name = "Previous page" }).ClickAsync();
        await Page.Locator("#caseload-count").GetByText("Episodes 1–20").WaitForAsync();
    }

    [BrowserFact]
    public async Task filtering_by_flag_and_therapist_and_ordering_change_the_rows()
    {
        await SignInAs("Dana Whitfield");
        await Rows.First.WaitForAsync();

        await Page.GetByLabel("Flag").SelectOptionAsync("PAIN_WORSENING");
        await Settled("flag=PAIN_WORSENING");
        (await Page.Locator("#caseload-count").InnerTextAsync()).ShouldEndWith("of 1");
        (await Rows.First.InnerTextAsync()).ShouldContain("Haddad");

        await Page.GetByLabel("Flag").SelectOptionAsync("");
        await Page.GetByLabel("Therapist").SelectOptionAsync(new SelectOptionValue { Label = "Marcus Oyelaran" });
        await Settled($"therapist={DemoDataSet.MarcusId}");
        (await Page.Locator("#caseload-count").InnerTextAsync()).ShouldNotEndWith($"of {WebAppService.CaseloadSize}");
        (await Rows.Locator("td:nth-child(3)").AllTextContentsAsync()).ShouldAllBe(name => name == "Marcus Oyelaran");

        await Page.GetByLabel("Order").SelectOptionAsync("LATEST_START");
        await Settled("order=LATEST_START");
        var starts = await Rows.Locator("td:nth-child(4)").AllTextContentsAsync();
        starts.ShouldBe(starts.OrderDescending().ToList(), "latest start first");
    }

    // The filters are in the address; the table is marked busy until the page for them has arrived.
    private async Task Settled(string parameter)
    {
        await Page.WaitForURLAsync(url => url.Contains(parameter));
        await Page.Locator("table.caseload[aria-busy=false]").WaitForAsync();
    }

    [BrowserFact]
    public async Task the_caseload_is_used_with_the_keyboard_alone()
    {
        await SignInAs("Dana Whitfield");
        await Rows.First.WaitForAsync();

        // From the top of the page: the skip link, then the filters, then the first patient, all by Tab.
        await Page.Locator("body").FocusAsync();
        var reachedFlag = false;
        for (var i = 0; i < 20 && !reachedFlag; i++)
        {
            await Page.Keyboard.PressAsync("Tab");
            reachedFlag = await Page.EvaluateAsync<string>("document.activeElement.id") == "filter-flag";
        }
        reachedFlag.ShouldBeTrue("the flag filter is reached by Tab");
        await Page.Keyboard.PressAsync("ArrowDown"); // Any or none -> Pain worsening
        await Page.Locator("#caseload-count").GetByText("of 1").WaitForAsync();

        var reachedPatient = false;
        for (var i = 0; i < 10 && !reachedPatient; i++)
        {
            await Page.Keyboard.PressAsync("Tab");
            reachedPatient = (await Page.EvaluateAsync<string>("document.activeElement.textContent")).Contains("Haddad");
        }
        reachedPatient.ShouldBeTrue("the patient's link is reached by Tab");
        // The focused element shows a visible focus ring.
        (await Page.EvaluateAsync<string>("getComputedStyle(document.activeElement).outlineStyle")).ShouldNotBe("none");
        await Page.Keyboard.PressAsync("Enter");
        await Page.GetByRole(AriaRole.Heading, new() { Name = "Outcome measures" }).WaitForAsync();
        Page.Url.ShouldContain("#/episode/e0000000-0000-4000-8000-000000000005");
    }

    [BrowserFact]
    public async Task the_caseload_is_usable_within_a_second_of_navigation()
    {
        await SignInAs("Dana Whitfield");
        await Rows.First.WaitForAsync();
        await Open("#/episode/" + DemoIds.Episode(2));
        await Page.GetByRole(AriaRole.Heading, new() { Name = "Outcome measures" }).WaitForAsync();

        // A full navigation (the page, its modules and the first caseload page), as when the app is opened anew.
        var watch = Stopwatch.StartNew();
        await Page.GotoAsync($"{BaseUrl}/app#/caseload");
        await Rows.Nth(19).Locator("a").WaitForAsync();
        watch.Stop();

        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(1), $"the caseload took {watch.ElapsedMilliseconds} ms");
        await Rows.First.Locator("a").ClickAsync();
        await Page.GetByRole(AriaRole.Heading, new() { Name = "Outcome measures" }).WaitForAsync();
    }
}
