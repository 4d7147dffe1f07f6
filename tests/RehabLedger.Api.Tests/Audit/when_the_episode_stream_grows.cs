using RehabLedger.Programs;
using RehabLedger.Tests.Support;
using static RehabLedger.Tests.Support.AuditApi;

namespace RehabLedger.Tests.Audit;

/// <summary>
/// The program audits read the program's document and the rows they answer with, never the whole stream: the
/// number of round trips stays the same however many other events the episode gathers.
/// </summary>
public sealed class when_the_episode_stream_grows(AppFixture fixture) : AppScenario(fixture)
{
    private const string Audits = """
        query($id: ID!, $at: DateTimeOffset!, $day: DateOnly!) {
          programHistory(episodeId: $id) { edges { node { kind recordedAt correlationId correctedBy { recordedAt } } } }
          byTime: programAsOf(episodeId: $id, recordedAt: $at) { version exercises { name } }
          byDay: programAsOf(episodeId: $id, effectiveOn: $day) { version exercises { name } }
          byVersion: programAsOf(episodeId: $id, version: 3) { exercises { name } }
          episodeEvents(episodeId: $id, first: 5) { edges { node { version } } }
        }
        """;

    private async Task<int> RoundTrips(RoundTripCounter counter, Guid episodeId, DateTimeOffset at)
    {
        var (traceId, traceparent) = RoundTripCounter.NewTrace();
        (await GraphQL(Audits, new { id = episodeId, at = at.ToString("O"), day = Today.ToString("yyyy-MM-dd") },
            new Dictionary<string, string> { ["traceparent"] = traceparent })).Ok();
        return counter.For(traceId);
    }

    [Fact]
    public async Task the_program_audits_cost_the_same_round_trips_with_many_more_events_in_the_stream()
    {
        var e = await Host.OpenEpisode(Today.AddDays(-30));
        var (bridge, _, v) = await Host.Prescribe(Dana, e.EpisodeId, e.Version, Today.AddDays(-29), "Bridge", Dosage(2, 12));
        var (regression, v2) = await Host.Adjust(Marcus, e.EpisodeId, v, bridge, AdjustmentKind.Regression, Dosage(2, 8), Today.AddDays(-20), "Pain");
        v = await Host.MarkInError(Dana, e.EpisodeId, v2, regression, "Wrong patient");
        var at = (await Host.AllEpisodeEvents(e.EpisodeId)).Last().Instant("recordedAt");
        using var counter = new RoundTripCounter();
        // Once first, uncounted: what a host does on its first read of a kind (checking a document's storage exists, for
        // one) depends on which tests ran before, and has nothing to do with the stream's length.
        await RoundTrips(counter, e.EpisodeId, at);

        var few = await RoundTrips(counter, e.EpisodeId, at);
        for (var i = 0; i < 30; i++)
        {
            var input = ClinicalApi.AssessmentInput(e, v, Today.AddDays(-i % 29), i == 0 ? "INITIAL" : "RE_ASSESSMENT");
            v = (await GraphQL(ClinicalApi.RecordAssessmentMutation, new { input })).Ok()["recordAssessment"]!.Long("version");
        }
        var many = await RoundTrips(counter, e.EpisodeId, at);

        v.ShouldBe(34);
        many.ShouldBe(few);
        // History: the record, then its page's times. By time: the record, then the version at the instant. By day, by
        // version: the record. Events: the stream's row, then its page. The episode's owner, whose clinic decides whether
        // the caller may audit it, costs nothing: the writes above already found it, and an episode never changes clinic.
        // And the accounting of the reads: one append when the request completes.
        few.ShouldBe(9);
    }
}
