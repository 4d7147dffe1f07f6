using System.Net;
using Alba;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using RehabLedger.Access;
using RehabLedger.Disclosures;
using RehabLedger.Tests.Support;

namespace RehabLedger.Tests.Access;

/// <summary>
/// A route mapped with the access layer's endpoint filter (as the FHIR route is) answers nothing of what it read when
/// the read cannot be recorded: the surface's 500 replaces the handler's result.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class when_an_access_cannot_be_recorded
{
    private sealed class FailingWriter : IAccessRecordWriter
    {
        public Task AppendAsync(Operation operation, IReadOnlyList<DisclosureRecorded> records) => throw new IOException("The access log is unreachable.");
    }

    [Fact]
    public async Task an_http_route_withholds_its_answer()
    {
        await using var host = await BareHost.Start("Production",
            services: services => services.AddSingleton<IAccessRecordWriter, FailingWriter>(),
            endpoints: app => app.MapGet("/accounted", (HttpContext http) =>
                {
                    http.Access().Log.Granted("GET /accounted", new DisclosureSubject(Guid.NewGuid(), Guid.NewGuid(), null));
                    return Results.Text("the patient's data");
                })
                .WithAccessAccounting("test", () => Results.Text("not recorded, not answered", statusCode: StatusCodes.Status500InternalServerError))
                .RequireAuthorization());

        var result = await host.Scenario(s =>
        {
            s.Get.Url("/accounted");
            s.WithRequestHeader("Authorization", "Bearer " + host.Token(TestTokens.PlatformAdmin));
            s.IgnoreStatusCode();
        });

        ((HttpStatusCode)result.Context.Response.StatusCode).ShouldBe(HttpStatusCode.InternalServerError);
        (await result.ReadAsTextAsync()).ShouldBe("not recorded, not answered");
    }
}
