using System.Text.Json;
using Microsoft.Playwright;
using RehabLedger.Demo;

namespace RehabLedger.Tests.WebApp;

public sealed class when_a_payer_and_a_patient_use_the_app(BrowserFixture fixture) : WebAppScenario(fixture)
{
    [BrowserFact]
    public async Task an_insurer_reads_the_outcome_history_of_a_covered_episode_and_downloads_it_as_fhir()
    {
        await SignInAs("Aetna utilization review");
        await Page.Locator("#covered tbody tr").First.WaitForAsync();
        (await Page.GetByRole(AriaRole.Link, new() { Name = "Caseload" }).CountAsync()).ShouldBe(0, "an insurer has no caseload");

        await Page.Locator("#covered tbody tr a").First.ClickAsync();
        await Page.GetByRole(AriaRole.Heading, new() { Name = "Outcome measures" }).WaitForAsync();
        await Page.Locator("canvas").First.WaitForAsync();
        await Page.WaitForFunctionAsync("() => [...document.querySelectorAll('canvas')].every(c => Chart.getChart(c))");
        await Screenshot("outcome-history");

        var download = await Page.RunAndWaitForDownloadAsync(() => Page.GetByRole(AriaRole.Button, new() { Name = "Download as FHIR R4 (JSON)" }).ClickAsync());
        download.SuggestedFilename.ShouldEndWith(".fhir.json");
        using var bundle = JsonDocument.Parse(await File.ReadAllTextAsync((await download.PathAsync())!));
        bundle.RootElement.GetProperty("resourceType").GetString().ShouldBe("Bundle");
    }

    [BrowserFact]
    public async Task a_patient_sees_their_exercises_and_logs_a_completion()
    {
        await SignInAs("Maria Alvarez");
        var exercise = Page.Locator(".exercise").Filter(new() { Has = Page.Locator("form") }).First;
        await exercise.WaitForAsync();
        (await Page.GetByRole(AriaRole.Link, new() { Name = "Caseload" }).CountAsync()).ShouldBe(0, "a patient has no caseload");
        await Screenshot("my-exercises");

        var before = await Service.EpisodeVersion(await Service.Token("dana"), DemoIds.Episode(1));
        await exercise.GetByLabel("Pain (0-10)").FillAsync("1");
        await exercise.GetByRole(AriaRole.Button, new() { Name = "Log completion" }).ClickAsync();

        await exercise.GetByRole(AriaRole.Status).GetByText("Logged").WaitForAsync();
        var logs = await Service.GraphQL(await Service.Token("dana"), "query($id: ID!) { episode(id: $id) { version homeLogs(first: 1) { items { reportedBy pain } } } }", new { id = DemoIds.Episode(1) });
        logs.GetProperty("episode").GetProperty("version").GetInt64().ShouldBe(before + 1);
        var log = logs.GetProperty("episode").GetProperty("homeLogs").GetProperty("items")[0];
        log.GetProperty("reportedBy").GetString().ShouldBe("PATIENT");
    }
}
