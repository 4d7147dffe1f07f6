using Microsoft.Playwright;
using RehabLedger.Demo;

namespace RehabLedger.Tests.WebApp;

public sealed class when_reading_a_program_history(BrowserFixture fixture) : WebAppScenario(fixture)
{
    [BrowserFact]
    public async Task every_change_shows_actor_reason_and_both_times_and_the_program_is_shown_on_both_axes()
    {
        await SignInAs("Riverside compliance auditor");
        await Open($"#/episode/{DemoIds.Episode(1)}");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Program history" }).ClickAsync();

        var rows = Page.Locator("#program-history tbody tr");
        await rows.First.WaitForAsync();
        var first = await rows.First.InnerTextAsync();
        first.ShouldContain("Prescribed");
        first.ShouldContain("Demo data seeder system"); // the actor, with their role
        first.ShouldMatch(@"\d{4}-\d{2}-\d{2}\s+\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{3} UTC"); // effective day, then recorded instant
        (await Page.Locator("#program-history tbody tr", new() { HasText = "Progression" }).CountAsync()).ShouldBeGreaterThan(0);

        // The program as recorded just after the first change: that exercise alone.
        var firstExercise = (await rows.First.Locator("td").Nth(1).InnerTextAsync()).Trim();
        await rows.First.GetByRole(AriaRole.Button).ClickAsync();
        await Settled();
        (await Page.Locator("#asof-recorded tbody th").AllInnerTextsAsync()).ShouldHaveSingleItem().ShouldStartWith(firstExercise);

        // The program as effective on the day it was prescribed: every exercise prescribed that day, at its first
        // dosage, though later progressions were recorded since.
        var firstDay = (await rows.First.Locator("td").Nth(5).InnerTextAsync()).Trim();
        await Page.GetByLabel("Effective on").FillAsync(firstDay);
        await Settled();
        var effective = Page.Locator("#asof-effective tbody tr");
        (await effective.CountAsync()).ShouldBeGreaterThan(1);
        (await effective.Locator("td:nth-child(3)").AllInnerTextsAsync()).ShouldAllBe(since => since.Trim() == firstDay);
        await Screenshot("program-history");
    }

    private Task Settled() => Page.Locator(".side-by-side[aria-busy=false]").WaitForAsync();

    [BrowserFact]
    public async Task a_clinic_administrator_reads_but_is_offered_no_clinical_write()
    {
        await SignInAs("Riverside clinic administrator");
        await Open($"#/episode/{DemoIds.Episode(1)}");
        await Page.GetByRole(AriaRole.Heading, new() { Name = "Outcome measures" }).WaitForAsync();
        (await Page.GetByRole(AriaRole.Heading, new() { Name = "Record" }).CountAsync()).ShouldBe(0);
        (await Page.GetByRole(AriaRole.Link, new() { Name = "Program history" }).CountAsync()).ShouldBe(1);
    }
}
