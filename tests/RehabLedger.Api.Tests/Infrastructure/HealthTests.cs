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
    public async Task every_response_carries_a_correlation_id_and_echoes_the_callers()
    {
        var result = await fixture.Host.Scenario(s =>
        {
            s.Get.Url("/health/live");
            s.WithRequestHeader("X-Correlation-Id", "abc-123");
        });
        result.Context.Response.Headers["X-Correlation-Id"].ToString().ShouldBe("abc-123");

        var generated = await fixture.Host.Scenario(s => s.Get.Url("/health/live"));
        generated.Context.Response.Headers["X-Correlation-Id"].ToString().ShouldNotBeNullOrWhiteSpace();
    }
}
