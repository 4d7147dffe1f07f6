using RehabLedger.Tests.Support;

namespace RehabLedger.Tests.Infrastructure;

[Collection(AppCollection.Name)]
public sealed class HealthTests(AppFixture fixture)
{
    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task the_service_reports_healthy(string url)
    {
        var result = await fixture.Host.Scenario(s =>
        {
            s.Get.Url(url);
            s.StatusCodeShouldBe(200);
        });
        (await result.ReadAsTextAsync()).ShouldBe("Healthy");
    }

    [Fact]
    public async Task every_response_carries_the_services_correlation_id_and_echoes_the_callers_apart()
    {
        var result = await fixture.Host.Scenario(s =>
        {
            s.Get.Url("/health/live");
            s.WithRequestHeader("X-Correlation-Id", "abc-123");
        });
        var issued = result.Context.Response.Headers["X-Correlation-Id"].ToString();
        issued.ShouldNotBeNullOrWhiteSpace();
        issued.ShouldNotBe("abc-123");
        result.Context.Response.Headers["X-Client-Correlation-Id"].ToString().ShouldBe("abc-123");

        var generated = await fixture.Host.Scenario(s => s.Get.Url("/health/live"));
        generated.Context.Response.Headers["X-Correlation-Id"].ToString().ShouldNotBeNullOrWhiteSpace();
        generated.Context.Response.Headers.ContainsKey("X-Client-Correlation-Id").ShouldBeFalse();
    }
}
