using System.Text.Json.Nodes;
using RehabLedger.Tests.Support;
using static RehabLedger.Tests.Support.InsurersApi;

namespace RehabLedger.Tests.Insurers;

public sealed class when_listing_a_payers_outcome_histories(AppFixture fixture) : AppScenario(fixture)
{
    private const string Query = """
        query($payerId: String!, $from: DateOnly!, $to: DateOnly!, $first: Int, $after: String) {
          outcomeHistories(payerId: $payerId, from: $from, to: $to, first: $first, after: $after) {
            totalCount
            pageInfo { hasNextPage endCursor }
            edges { node { episodeId startedOn status member { memberId birthYear } payer { payerId } visitsUsed measures { code latest } } }
          }
        }
        """;

    private async Task<JsonNode> Histories(string payerId, string from, string to, int? first = null, string? after = null) =>
        (await GraphQL(Query, new { payerId, from, to, first, after })).Ok()["outcomeHistories"]!;

    private static string[] Members(JsonNode connection) =>
        connection["edges"]!.AsArray().Select(e => e!["node"]!["member"]!["memberId"]!.GetValue<string>()).ToArray();

    private async Task<EpisodeSetup> Episode(Guid clinicId, Guid therapistId, string memberId, DateOnly start, DateOnly? discharged = null,
        string? payerId = PayerId)
    {
        var e = await Host.OpenCovered(clinicId, therapistId, start, payerId, memberId);
        if (discharged is { } on) await Host.Discharge(e, e.Version, on);
        return e;
    }

    [Fact]
    public async Task only_the_payers_episodes_overlapping_the_period_are_listed_oldest_start_first()
    {
        var clinicId = await Host.RegisterClinic();
        var therapistId = await Host.RegisterTherapist(clinicId);
        await Episode(clinicId, therapistId, "A-january", new(2026, 1, 5), discharged: new(2026, 1, 30));
        await Episode(clinicId, therapistId, "B-active-since-february", new(2026, 2, 2));
        await Episode(clinicId, therapistId, "C-active-since-march", new(2026, 3, 10));
        await Episode(clinicId, therapistId, "D-december-to-february", new(2025, 12, 1), discharged: new(2026, 2, 5));
        await Episode(clinicId, therapistId, "E-other-payer", new(2026, 2, 1), payerId: "other-payer");
        await Episode(clinicId, therapistId, "F-uncovered", new(2026, 2, 1), payerId: null);

        Members(await Histories(PayerId, "2026-02-01", "2026-02-28")).ShouldBe(["D-december-to-february", "B-active-since-february"]);
        Members(await Histories(PayerId, "2026-01-01", "2026-01-31")).ShouldBe(["D-december-to-february", "A-january"]);
        Members(await Histories(PayerId, "2026-01-30", "2026-01-30")).ShouldBe(["D-december-to-february", "A-january"]);
        Members(await Histories(PayerId, "2026-03-15", "2026-03-31")).ShouldBe(["B-active-since-february", "C-active-since-march"]);
        // An active episode runs to today (2026-03-18), so a period wholly after today finds none.
        Members(await Histories(PayerId, "2026-03-19", "2026-04-30")).ShouldBeEmpty();
        Members(await Histories("other-payer", "2026-01-01", "2026-12-31")).ShouldBe(["E-other-payer"]);
        Members(await Histories("nobody", "2026-01-01", "2026-12-31")).ShouldBeEmpty();
    }

    [Fact]
    public async Task each_node_is_the_episodes_outcome_history()
    {
        var episode = await TreatedEpisode.Record(Host);

        var node = (await Histories(PayerId, "2026-03-01", "2026-03-31"))["edges"]!.AsArray().Single()!["node"]!;

        node["episodeId"]!.GetValue<string>().ShouldBe(episode.Setup.EpisodeId.ToString());
        node["status"]!.GetValue<string>().ShouldBe("DISCHARGED");
        node["member"]!["birthYear"]!.GetValue<int>().ShouldBe(1961);
        node["visitsUsed"]!.GetValue<int>().ShouldBe(3);
        node["measures"]!.ToJsonString().ShouldBe("""[{"code":"LEFS","latest":61},{"code":"NPRS","latest":2}]""");
    }

    [Fact]
    public async Task pages_follow_the_cursor_and_bad_arguments_are_refused()
    {
        var clinicId = await Host.RegisterClinic();
        var therapistId = await Host.RegisterTherapist(clinicId);
        for (var i = 1; i <= 5; i++) await Episode(clinicId, therapistId, $"M{i}", new(2026, 3, i));

        var first = await Histories(PayerId, "2026-03-01", "2026-03-31", first: 2);
        Members(first).ShouldBe(["M1", "M2"]);
        first["totalCount"]!.GetValue<int>().ShouldBe(5);
        first["pageInfo"]!["hasNextPage"]!.GetValue<bool>().ShouldBeTrue();
        var second = await Histories(PayerId, "2026-03-01", "2026-03-31", first: 2, after: first["pageInfo"]!["endCursor"]!.GetValue<string>());
        Members(second).ShouldBe(["M3", "M4"]);
        var last = await Histories(PayerId, "2026-03-01", "2026-03-31", first: 2, after: second["pageInfo"]!["endCursor"]!.GetValue<string>());
        Members(last).ShouldBe(["M5"]);
        last["pageInfo"]!["hasNextPage"]!.GetValue<bool>().ShouldBeFalse();

        var tooMany = await GraphQL(Query, new { payerId = PayerId, from = "2026-03-01", to = "2026-03-31", first = 101 });
        tooMany.ErrorCode.ShouldBe("VALIDATION_FAILED");
        tooMany.ErrorField.ShouldBe("first");
        var backwards = await GraphQL(Query, new { payerId = PayerId, from = "2026-03-31", to = "2026-03-01" });
        backwards.ErrorCode.ShouldBe("VALIDATION_FAILED");
        backwards.ErrorField.ShouldBe("to");
    }

    [Fact]
    public async Task a_page_of_thirty_costs_the_same_round_trips_as_a_page_of_three()
    {
        var clinicId = await Host.RegisterClinic();
        var therapistId = await Host.RegisterTherapist(clinicId);
        for (var i = 0; i < 30; i++) await Episode(clinicId, therapistId, $"N{i:00}", Today.AddDays(-(i % 20) - 1));

        const string everything = $$"""
            query($payerId: String!, $first: Int) {
              outcomeHistories(payerId: $payerId, from: "2026-01-01", to: "2026-12-31", first: $first) {
                edges { node { {{OutcomeHistorySelection}} } }
              }
            }
            """;
        using var counter = new RoundTripCounter();
        async Task<int> RoundTrips(int first)
        {
            var (traceId, traceparent) = RoundTripCounter.NewTrace();
            var data = (await GraphQL(everything, new { payerId = PayerId, first }, new Dictionary<string, string> { ["traceparent"] = traceparent })).Ok();
            data["outcomeHistories"]!["edges"]!.AsArray().Count.ShouldBe(first);
            return counter.For(traceId);
        }

        var three = await RoundTrips(3);
        var thirty = await RoundTrips(30);

        three.ShouldBeGreaterThan(0);
        thirty.ShouldBe(three);
        // The keys, the page's documents, and the accounting of the page's reads in one append at completion.
        thirty.ShouldBeLessThanOrEqualTo(3);
    }

    [Fact]
    public async Task the_payer_lookup_is_indexed()
    {
        await using var session = Fixture.Store.QuerySession();

        var indexes = await session.QueryAsync<string>(
            "select indexdef from pg_indexes where schemaname = 'rehabledger' and tablename = 'mt_doc_episode'");

        indexes.ShouldContain(definition => definition.Contains("'coverage'") && definition.Contains("'payerId'"));
    }
}
