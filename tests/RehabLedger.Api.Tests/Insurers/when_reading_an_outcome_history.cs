using System.Text.Json.Nodes;
using RehabLedger.Tests.Support;
using static RehabLedger.Tests.Support.InsurersApi;

namespace RehabLedger.Tests.Insurers;

public sealed class when_reading_an_outcome_history(AppFixture fixture) : AppScenario(fixture)
{
    private static string[] Strings(JsonNode? array) => array!.AsArray().Select(x => x!.ToString()).ToArray();

    private static JsonNode Measure(JsonNode history, string code) =>
        history["measures"]!.AsArray().Single(m => m!["code"]!.GetValue<string>() == code)!;

    private static (string EffectiveOn, decimal Value)[] Series(JsonNode trend) =>
        trend["series"]!.AsArray().Select(p => (p!["effectiveOn"]!.GetValue<string>(), p["value"]!.GetValue<decimal>())).ToArray();

    [Fact]
    public async Task the_values_are_those_recorded_with_their_verdicts()
    {
        var episode = await TreatedEpisode.Record(Host);

        var history = (await Host.OutcomeHistory(episode.Setup.EpisodeId))!;

        history["status"]!.GetValue<string>().ShouldBe("DISCHARGED");
        history["member"]!["memberId"]!.GetValue<string>().ShouldBe("ACME-000123");
        history["member"]!["birthYear"]!.GetValue<int>().ShouldBe(1961);
        history["payer"]!["payerId"]!.GetValue<string>().ShouldBe(PayerId);
        history["payer"]!["payerName"]!.GetValue<string>().ShouldBe(PayerName);
        history["condition"]!["icd10Code"]!.GetValue<string>().ShouldBe("M17.11");
        history["condition"]!["bodyRegion"]!.GetValue<string>().ShouldBe("knee");
        history["startedOn"]!.GetValue<string>().ShouldBe("2026-02-09");
        history["certifications"]!.ToJsonString().ShouldBe("""[{"start":"2026-02-09","end":"2026-04-09","days":60}]""");

        // The session entered in error counts nowhere.
        history["visitsUsed"]!.GetValue<int>().ShouldBe(3);
        history["visitsAuthorized"].ShouldBeNull();
        var attendance = history["attendance"]!;
        (attendance["attended"]!.GetValue<int>(), attendance["cancelled"]!.GetValue<int>(), attendance["noShow"]!.GetValue<int>()).ShouldBe((3, 1, 1));
        attendance["ratePercent"]!.GetValue<decimal>().ShouldBe(60.0m);

        // Three home completions a week prescribed, through the discharge week.
        history["homeAdherence"]!.AsArray().Select(w => (w!["weekStart"]!.GetValue<string>(), w["done"]!.GetValue<int>(), w["percent"]!.GetValue<decimal>()))
            .ShouldBe([("2026-02-09", 2, 66.7m), ("2026-02-16", 3, 100.0m), ("2026-02-23", 0, 0m), ("2026-03-02", 0, 0m), ("2026-03-09", 0, 0m), ("2026-03-16", 0, 0m)]);

        var lefs = Measure(history, "LEFS");
        Series(lefs).ShouldBe([("2026-02-09", 38m), ("2026-03-02", 47m), ("2026-03-16", 61m)]);
        lefs["baseline"]!.GetValue<decimal>().ShouldBe(38m);
        lefs["latest"]!.GetValue<decimal>().ShouldBe(61m);
        lefs["change"]!.GetValue<decimal>().ShouldBe(23m);
        lefs["percentChange"]!.GetValue<decimal>().ShouldBe(60.5m);
        lefs["reachesMcid"]!.GetValue<bool>().ShouldBeTrue();
        lefs["mcidThreshold"]!.GetValue<decimal>().ShouldBe(9m);
        lefs["mcidSource"]!.GetValue<string>().ShouldBe("Binkley 1999, Phys Ther 79:371");

        var nprs = Measure(history, "NPRS");
        Series(nprs).ShouldBe([("2026-02-09", 7m), ("2026-03-02", 4m), ("2026-03-16", 2m)]);
        nprs["change"]!.GetValue<decimal>().ShouldBe(-5m);
        nprs["percentChange"]!.GetValue<decimal>().ShouldBe(-71.4m);
        nprs["improvement"]!.GetValue<decimal>().ShouldBe(5m);
        nprs["reachesMcid"]!.GetValue<bool>().ShouldBeTrue();
        nprs["worsened"]!.GetValue<bool>().ShouldBeFalse();
        nprs["direction"]!.GetValue<string>().ShouldBe("LOWER_IS_BETTER");

        var knee = history["rangeOfMotion"]!.AsArray().Single()!;
        Series(knee).ShouldBe([("2026-02-09", 95m), ("2026-03-02", 110m)]);
        knee["change"]!.GetValue<decimal>().ShouldBe(15m);
        history["muscleTests"]!.AsArray().Single()!["latest"]!.GetValue<decimal>().ShouldBe(4m);

        var goals = history["goals"]!.AsArray().ToDictionary(g => g!["description"]!.GetValue<string>(), g => g!);
        var stairs = goals["Climb one flight of stairs without a rail"];
        stairs["status"]!.GetValue<string>().ShouldBe("ACTIVE");
        stairs["target"]!.GetValue<decimal>().ShouldBe(62m);
        stairs["latest"]!.GetValue<decimal>().ShouldBe(61m);
        stairs["met"]!.GetValue<bool>().ShouldBeFalse();
        stairs["attainmentPercent"]!.GetValue<decimal>().ShouldBe(95.8m);
        goals["Walk 20 minutes without a rest"]["status"]!.GetValue<string>().ShouldBe("ACHIEVED");
        goals["Walk 20 minutes without a rest"]["statusSince"]!.GetValue<string>().ShouldBe("2026-03-02");

        Strings(history["progressReportDates"]).ShouldBe(["2026-02-24"]);
        var discharge = history["discharge"]!;
        discharge["dischargedOn"]!.GetValue<string>().ShouldBe("2026-03-16");
        discharge["assessedOn"]!.GetValue<string>().ShouldBe("2026-03-16");
        discharge["measures"]!.ToJsonString().ShouldBe("""[{"code":"LEFS","value":61},{"code":"NPRS","value":2}]""");
        discharge["goals"]!.AsArray().Select(g => g!["status"]!.GetValue<string>()).ShouldBe(["ACTIVE", "ACHIEVED"]);
    }

    [Fact]
    public async Task an_active_episode_has_adherence_through_today_and_no_discharge()
    {
        var episode = await TreatedEpisode.Record(Host, discharge: false);

        var history = (await Host.OutcomeHistory(episode.Setup.EpisodeId))!;

        history["status"]!.GetValue<string>().ShouldBe("ACTIVE");
        history["discharge"].ShouldBeNull();
        history["homeAdherence"]!.AsArray().Last()!["weekStart"]!.GetValue<string>().ShouldBe("2026-03-16");
        Series(Measure(history, "LEFS")).ShouldBe([("2026-02-09", 38m), ("2026-03-02", 47m)]);

        // Today moves on: the week of the new today joins the adherence, nothing else changes.
        Fixture.Clock.Advance(TimeSpan.FromDays(7));
        var later = (await Host.OutcomeHistory(episode.Setup.EpisodeId))!;
        later["homeAdherence"]!.AsArray().Last()!["weekStart"]!.GetValue<string>().ShouldBe("2026-03-23");
        later["measures"]!.ToJsonString().ShouldBe(history["measures"]!.ToJsonString());
    }

    [Fact]
    public async Task an_unknown_episode_or_one_without_a_payer_has_none()
    {
        var clinicId = await Host.RegisterClinic();
        var therapistId = await Host.RegisterTherapist(clinicId);
        var uncovered = await Host.OpenCovered(clinicId, therapistId, Today.AddDays(-3), payerId: null);

        (await Host.OutcomeHistory(Guid.NewGuid())).ShouldBeNull();
        (await Host.OutcomeHistory(uncovered.EpisodeId)).ShouldBeNull();
        var fhir = (await GraphQL("query($id: ID!) { outcomeHistoryFhir(episodeId: $id) }", new { id = uncovered.EpisodeId })).Ok();
        fhir["outcomeHistoryFhir"].ShouldBeNull();
    }
}
