using Marten.Events;
using RehabLedger.Tests.Support;

namespace RehabLedger.Tests.Episodes;

/// <summary>The timeline is projected by the async daemon (HotCold), so these tests wait for it, never sleep.</summary>
public sealed class when_reading_an_episode_timeline(AppFixture fixture) : AppScenario(fixture)
{
    [Fact]
    public async Task every_change_appears_with_its_effective_and_recorded_time()
    {
        var e = await Host.OpenEpisode(Today.AddDays(-20));
        (await GraphQL(ClinicalApi.RecordAssessmentMutation,
            new { input = ClinicalApi.AssessmentInput(e, e.Version, Today.AddDays(-19)) },
            new Dictionary<string, string> { ["X-Correlation-Id"] = "timeline-test" })).Ok();

        await Host.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));

        var timeline = (await GraphQL($$"""
            { episode(id: "{{e.EpisodeId}}") { timeline { version eventType summary effectiveOn recordedAt by { id role } correlationId } } }
            """)).Ok()["episode"]!["timeline"]!.AsArray();

        timeline.Count.ShouldBe(2);
        timeline[0]!["version"]!.GetValue<long>().ShouldBe(1);
        timeline[0]!["effectiveOn"]!.GetValue<string>().ShouldBe(Today.AddDays(-20).ToString("yyyy-MM-dd"));
        var assessment = timeline[1]!;
        assessment["summary"]!.GetValue<string>().ShouldBe("Initial assessment by Robin Ames: LEFS 38, NPRS 7");
        assessment["effectiveOn"]!.GetValue<string>().ShouldBe(Today.AddDays(-19).ToString("yyyy-MM-dd"));
        assessment["correlationId"]!.GetValue<string>().ShouldBe("timeline-test");
        assessment["by"]!["role"]!.GetValue<string>().ShouldBe("unauthenticated");
        // Recorded by the database clock when committed: real time, not the clinic's "today".
        var recordedAt = DateTimeOffset.Parse(assessment["recordedAt"]!.GetValue<string>());
        recordedAt.ShouldBeGreaterThan(DateTimeOffset.UtcNow.AddMinutes(-5));
    }
}
