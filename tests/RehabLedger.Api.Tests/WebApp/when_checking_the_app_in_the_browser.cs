using System.IO.Compression;
using System.Text.Json;
using Microsoft.Playwright;
using RehabLedger.Demo;
using RehabLedger.Security.Edge;

namespace RehabLedger.Tests.WebApp;

public sealed class when_checking_the_app_in_the_browser(BrowserFixture fixture) : WebAppScenario(fixture)
{
    // axe-core, vendored with the tests (it is a test tool; the service does not serve it).
    private static readonly string Axe = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "WebApp", "Vendor", "axe.min.js"));

    public static TheoryData<string, string, string> Views => new()
    {
        { "Dana Whitfield", "#/caseload", "table.caseload tbody tr" },
        { "Dana Whitfield", $"#/episode/{DemoIds.Episode(1)}", "#chart-weekly" },
        { "Riverside compliance auditor", $"#/episode/{DemoIds.Episode(1)}/history", "#asof-effective" },
        { "Aetna utilization review", $"#/outcome/{DemoIds.Episode(1)}", "#fhir-download" },
        { "Maria Alvarez", "#/me", ".exercise form" },
    };

    [BrowserTheory]
    [MemberData(nameof(Views))]
    public async Task an_accessibility_scan_finds_no_serious_or_critical_violation(string user, string route, string ready)
    {
        await SignInAs(user);
        await Open(route);
        await Page.Locator(ready).First.WaitForAsync();

        // Evaluated through the DevTools protocol, which the page's Content-Security-Policy does not govern.
        await Page.EvaluateAsync(Axe);
        var result = await Page.EvaluateAsync<JsonElement>("async () => (await axe.run(document)).violations.map(v => ({ id: v.id, impact: v.impact, nodes: v.nodes.map(n => n.target.join(' ')) }))");
        var severe = result.EnumerateArray().Where(v => v.GetProperty("impact").GetString() is "serious" or "critical").Select(v => v.ToString()).ToList();
        severe.ShouldBeEmpty();
    }

    [BrowserFact]
    public async Task the_apps_own_scripts_stay_under_300_kb_compressed()
    {
        var scripts = new List<string>();
        Page.Response += (_, response) =>
        {
            if (response.Url.Contains("/app/") && response.Url.EndsWith(".js")) lock (scripts) scripts.Add(response.Url);
        };
        // Every view, so that every module the app loads on demand is counted.
        await SignInAs("Dana Whitfield");
        await Open($"#/episode/{DemoIds.Episode(1)}");
        await Page.Locator("#chart-weekly").WaitForAsync();
        await Page.WaitForFunctionAsync("() => !!window.Chart");
        await Open($"#/episode/{DemoIds.Episode(1)}/history");
        await Page.Locator("#asof-effective").WaitForAsync();
        await Open($"#/outcome/{DemoIds.Episode(1)}");
        await Page.Locator("#fhir-download").WaitForAsync();
        await Page.EvaluateAsync("() => import('/app/js/patient.js')");

        long compressed = 0;
        foreach (var url in scripts.Distinct())
        {
            var bytes = await (await Service.Get(new Uri(url).AbsolutePath)).Content.ReadAsByteArrayAsync();
            using var sink = new MemoryStream();
            await using (var gzip = new GZipStream(sink, CompressionLevel.Optimal, leaveOpen: true)) await gzip.WriteAsync(bytes);
            compressed += sink.Length;
        }

        scripts.Distinct().Count().ShouldBeGreaterThan(10, "the app's modules and its vendored libraries");
        compressed.ShouldBeLessThan(300 * 1024, $"{compressed / 1024} KB gzip over {scripts.Distinct().Count()} scripts");
    }

    [BrowserFact]
    public async Task graphiql_loads_the_schema_in_the_same_browser()
    {
        var introspection = Page.WaitForResponseAsync(r => r.Url.EndsWith("/graphql") && (r.Request.PostData ?? "").Contains("__schema"));
        await Page.GotoAsync($"{BaseUrl}/graphiql");
        var response = await introspection;
        response.Status.ShouldBe(200);
        (await response.TextAsync()).ShouldContain("\"queryType\"");
        await Page.Locator(".graphiql-container").WaitForAsync();
    }

    [BrowserFact]
    public async Task the_app_page_runs_only_the_services_own_scripts()
    {
        var response = await Service.Get("/app");
        response.Headers.GetValues("Content-Security-Policy").Single().ShouldBe(SecurityHeaders.AppContentSecurityPolicy);
        SecurityHeaders.AppContentSecurityPolicy.ShouldContain("script-src 'self';");
        SecurityHeaders.AppContentSecurityPolicy.ShouldNotContain("unsafe");

        // An inline script, were one injected, would not run.
        await SignInAs("Dana Whitfield");
        var violation = Page.WaitForConsoleMessageAsync(new() { Predicate = m => m.Text.Contains("Content Security Policy") });
        await Page.EvaluateAsync("() => { const s = document.createElement('script'); s.textContent = 'window.injected = true'; document.body.append(s); }");
        await violation;
        (await Page.EvaluateAsync<bool>("() => window.injected === true")).ShouldBeFalse();
        ExpectConsoleErrors(1);
    }
}
