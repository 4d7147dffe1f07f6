using System.Text.RegularExpressions;
using Alba;
using RehabLedger.Security.Edge;
using RehabLedger.Tests.Support;

namespace RehabLedger.Tests.WebApp;

/// <summary>What the service answers for the web app, without a browser (these run wherever the suite runs).</summary>
[Collection(AppCollection.Name)]
public sealed class when_serving_the_app_page(AppFixture fixture)
{
    private readonly IAlbaHost _host = fixture.Host;

    [Fact]
    public async Task the_page_is_html_under_the_apps_own_policy_and_offers_no_demo_users_outside_development()
    {
        var result = await _host.Scenario(s =>
        {
            s.Get.Url("/app");
            s.StatusCodeShouldBeOk();
            s.ContentTypeShouldBe("text/html; charset=utf-8");
        });

        result.Context.Response.Headers.ContentSecurityPolicy.ToString().ShouldBe(SecurityHeaders.AppContentSecurityPolicy);
        var html = await result.ReadAsTextAsync();
        html.ShouldContain("data-dev-tokens=\"false\"");
        html.ShouldNotContain("//", Case.Sensitive, "the page loads nothing from another host");
        html.ShouldNotContain("<script>", Case.Insensitive, "no inline script");
    }

    [Fact]
    public async Task every_file_the_page_and_its_modules_import_is_served()
    {
        var html = await (await _host.Scenario(s => s.Get.Url("/app"))).ReadAsTextAsync();
        var pending = new Queue<string>(Regex.Matches(html, "(?:src|href)=\"(/app/[^\"]+)\"").Select(m => m.Groups[1].Value));
        var seen = new HashSet<string>();
        while (pending.TryDequeue(out var url))
        {
            if (!seen.Add(url)) continue;
            var body = await (await _host.Scenario(s =>
            {
                s.Get.Url(url);
                s.StatusCodeShouldBeOk();
            })).ReadAsTextAsync();
            if (!url.EndsWith(".js") || url.Contains("/vendor/")) continue;
            // Static and dynamic imports (and the views main.js loads on demand), relative to the importing file.
            foreach (Match import in Regex.Matches(body, "(?:from|import\\(|lazy\\()\\s*'(\\.[^']+)'"))
                pending.Enqueue(new Uri(new Uri("http://app" + url), import.Groups[1].Value).AbsolutePath);
        }

        seen.ShouldContain("/app/js/main.js");
        seen.ShouldContain("/app/vendor/chart.umd.min.js");
        seen.Count.ShouldBeGreaterThan(15);
    }

    [Fact]
    public async Task the_root_leads_to_the_app()
    {
        await _host.Scenario(s =>
        {
            s.Get.Url("/");
            s.StatusCodeShouldBe(302);
            s.Header("Location").SingleValueShouldEqual("/app");
        });
    }
}
