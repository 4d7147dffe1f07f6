using System.Net;
using System.Security.Claims;
using System.Text.Json.Nodes;
using Alba;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using RehabLedger.Demo;
using RehabLedger.Security;
using RehabLedger.Tests.Support;

namespace RehabLedger.Tests.Security;

/// <summary>
/// <c>POST /dev/tokens</c> exists in Development only, mints usable tokens for the demo users or for explicit claims,
/// and refuses claims authentication would refuse.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class when_minting_development_tokens(AppFixture fixture)
{
    private static Task<IAlbaHost> Development() => BareHost.Start("Development", endpoints: app =>
        app.MapGet("/whoami", (HttpContext context) => RehabLedger.Security.Caller.From(context.User, out _)).RequireAuthorization());

    private static async Task<(HttpStatusCode Status, JsonNode? Body)> Mint(IAlbaHost host, object request)
    {
        var result = await host.Scenario(s =>
        {
            s.Post.Json(request).ToUrl(DevTokens.Path);
            s.IgnoreStatusCode();
        });
        var text = await result.ReadAsTextAsync();
        return ((HttpStatusCode)result.Context.Response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    private static async Task<JsonNode> WhoAmI(IAlbaHost host, string token)
    {
        var result = await host.Scenario(s =>
        {
            s.Get.Url("/whoami");
            s.WithRequestHeader("Authorization", "Bearer " + token);
        });
        return JsonNode.Parse(await result.ReadAsTextAsync())!;
    }

    [Theory]
    [InlineData("Testing")]
    [InlineData("Production")]
    [InlineData("Staging")]
    public async Task the_endpoint_does_not_exist_outside_development(string environment)
    {
        await using var host = environment == "Testing" ? null : await BareHost.Start(environment);
        var (status, _) = await Mint(host ?? fixture.Host, new { user = "dana" });
        status.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("dana", Roles.Therapist)]
    [InlineData("marcus", Roles.Therapist)]
    [InlineData("riverside-admin", Roles.ClinicAdmin)]
    [InlineData("auditor", Roles.Auditor)]
    [InlineData("aetna", Roles.Insurer)]
    [InlineData("maria", Roles.Patient)]
    public async Task each_demo_user_gets_a_token_the_service_accepts(string user, string role)
    {
        await using var host = await Development();
        var (status, body) = await Mint(host, new { user });

        status.ShouldBe(HttpStatusCode.OK);
        body!["tokenType"]!.GetValue<string>().ShouldBe("Bearer");
        var caller = await WhoAmI(host, body["token"]!.GetValue<string>());
        caller["role"]!.GetValue<string>().ShouldBe(role);
        caller["subject"]!.GetValue<string>().ShouldBe(DemoUsers.ByName[user].Subject);
    }

    [Fact]
    public async Task a_shell_can_ask_for_the_bare_token()
    {
        await using var host = await Development();
        var result = await host.Scenario(s =>
        {
            s.Post.Json(new { user = "auditor" }).ToUrl(DevTokens.Path);
            s.WithRequestHeader("Accept", "text/plain");
        });
        var token = await result.ReadAsTextAsync();
        (await WhoAmI(host, token))["role"]!.GetValue<string>().ShouldBe(Roles.Auditor);
    }

    [Fact]
    public void the_demo_users_are_the_people_of_the_demo_data()
    {
        DemoUsers.ByName["dana"].Subject.ShouldBe(DemoDataSet.DanaId.ToString());
        DemoUsers.ByName["dana"].Clinics.ShouldBe([DemoDataSet.ClinicId]);
        DemoUsers.ByName["maria"].Patient.ShouldBe(DemoDataSet.Patients[0].PatientId);
        DemoUsers.ByName["aetna"].Payer.ShouldBe("aetna");
    }

    [Fact]
    public async Task explicit_claims_are_minted_when_authentication_would_accept_them()
    {
        await using var host = await Development();
        var clinic = Guid.NewGuid();
        var (status, body) = await Mint(host, new { sub = "ops-1", name = "Operator", role = Roles.PlatformAdmin });
        status.ShouldBe(HttpStatusCode.OK);
        (await WhoAmI(host, body!["token"]!.GetValue<string>()))["role"]!.GetValue<string>().ShouldBe(Roles.PlatformAdmin);

        (await Mint(host, new { sub = "t-9", role = Roles.Therapist, clinics = new[] { clinic }, lifetimeMinutes = 5 })).Status.ShouldBe(HttpStatusCode.OK);
        (await Mint(host, new { sub = "t-9", role = Roles.Therapist })).Status.ShouldBe(HttpStatusCode.BadRequest, "a therapist needs a clinic");
        (await Mint(host, new { sub = "x", role = "superuser" })).Status.ShouldBe(HttpStatusCode.BadRequest);
        (await Mint(host, new { user = "mallory" })).Status.ShouldBe(HttpStatusCode.BadRequest);
        (await Mint(host, new { user = "dana", lifetimeMinutes = 100_000 })).Status.ShouldBe(HttpStatusCode.BadRequest);
    }
}
