using System.Text.Json.Nodes;
using RehabLedger.Programs;
using RehabLedger.Tests.Support;
using static RehabLedger.Tests.Support.AuditApi;

namespace RehabLedger.Tests.Audit;

/// <summary>
/// The auditor's scenario: a program changed eight times by two therapists, with one back-dated entry and one
/// correction. Recorded times are the store's real timestamps (the fake clinical clock does not set them), so they
/// are read back from the stream and the as-of questions are asked at instants between them.
/// </summary>
public sealed class when_auditing_a_program(AppFixture fixture) : AppScenario(fixture)
{
    private const string History = """
        query($id: ID!, $first: Int, $after: String) {
          programHistory(episodeId: $id, first: $first, after: $after) {
            totalCount pageInfo { hasNextPage endCursor }
            edges { node {
              changeId kind exerciseId exerciseName changes { field from to } actor { id role displayName }
              recordedAt effectiveOn reason version correlationId
              corrects { changeId kind } correctedBy { changeId reason recordedAt by { id role displayName } }
            } }
          }
        }
        """;

    private const string AsOf = """
        query($id: ID!, $recordedAt: DateTimeOffset, $effectiveOn: DateOnly, $version: Long) {
          programAsOf(episodeId: $id, recordedAt: $recordedAt, effectiveOn: $effectiveOn, version: $version) {
            episodeId recordedAt effectiveOn version
            exercises(includeEnded: true) { name status dosage { sets repetitions } lastChange { kind } }
          }
        }
        """;

    /// <summary>The episode after the eight changes, with the ids and versions the assertions need.</summary>
    private sealed record Scenario(
        Guid EpisodeId, Guid SitToStand, Guid Bridge, Guid HeelRaise, Guid SingleLegHeelRaise,
        Guid[] ChangeIds, long[] Versions, Dictionary<long, DateTimeOffset> RecordedAt, List<JsonNode> Events);

    private async Task<Scenario> EightChangesByTwoTherapists()
    {
        var e = await Host.OpenEpisode(Today.AddDays(-30));
        var (sitToStand, c1, v2) = await Host.Prescribe(Dana, e.EpisodeId, e.Version, Today.AddDays(-28), "Sit to stand", Dosage(3, 10), "audit-1");
        var (bridge, c2, v3) = await Host.Prescribe(Dana, e.EpisodeId, v2, Today.AddDays(-28), "Bridge", Dosage(2, 12));
        var (c3, v4) = await Host.Adjust(Marcus, e.EpisodeId, v3, sitToStand, AdjustmentKind.Progression, Dosage(3, 15), Today.AddDays(-21),
            "RPE 3 at three sessions in a row");
        // Not a program change: the history leaves it out, the stream keeps it.
        var assessed = (await GraphQL(ClinicalApi.RecordAssessmentMutation,
            new { input = ClinicalApi.AssessmentInput(e, v4, Today.AddDays(-20)) })).Ok()["recordAssessment"]!.Long("version");
        var (heelRaise, c4, v6) = await Host.Prescribe(Marcus, e.EpisodeId, assessed, Today.AddDays(-20), "Heel raise", Dosage(3, 15));
        var (c5, v7) = await Host.Adjust(Dana, e.EpisodeId, v6, bridge, AdjustmentKind.Regression, Dosage(2, 8), Today.AddDays(-14),
            "Low back pain during bridging");
        var (singleLeg, c6, v8) = await Host.Substitute(Marcus, e.EpisodeId, v7, heelRaise, "Single-leg heel raise", Dosage(2, 10),
            Today.AddDays(-10), "Double-leg raise too easy");
        // Back-dated: recorded after the substitution, effective before the progression of day -21.
        var (c7, v9) = await Host.Adjust(Dana, e.EpisodeId, v8, sitToStand, AdjustmentKind.Progression, Dosage(3, 12), Today.AddDays(-25),
            "Paper note from day -25 entered late");
        var v10 = await Host.MarkInError(Marcus, e.EpisodeId, v9, c5, "The regression was for another patient");

        var events = await Host.AllEpisodeEvents(e.EpisodeId);
        var correction = events.Single(x => x.Long("version") == v10);
        return new Scenario(e.EpisodeId, sitToStand, bridge, heelRaise, singleLeg,
            [c1, c2, c3, c4, c5, c6, c7, Guid.Parse(correction.Text("id"))],
            [v2, v3, v4, v6, v7, v8, v9, v10],
            events.ToDictionary(x => x.Long("version"), x => x.Instant("recordedAt")),
            events);
    }

    private async Task<List<JsonNode>> HistoryOf(Guid episodeId, int? first = null)
    {
        var entries = new List<JsonNode>();
        string? after = null;
        do
        {
            var page = (await GraphQL(History, new { id = episodeId, first, after })).Ok()["programHistory"]!;
            entries.AddRange(page["edges"]!.AsArray().Select(x => x!["node"]!));
            after = page["pageInfo"]!["hasNextPage"]!.GetValue<bool>() ? page["pageInfo"]!.Text("endCursor") : null;
        } while (after is not null);
        return entries;
    }

    private async Task<JsonNode> ProgramAsOf(Guid episodeId, DateTimeOffset? recordedAt = null, DateOnly? effectiveOn = null, long? version = null) =>
        (await GraphQL(AsOf, new { id = episodeId, recordedAt = recordedAt?.ToString("O"), effectiveOn = effectiveOn?.ToString("yyyy-MM-dd"), version }))
        .Ok()["programAsOf"]!;

    /// <summary>Name, status and repetitions of each exercise, as "Bridge ACTIVE 12".</summary>
    private static string[] Describe(JsonNode program) => program["exercises"]!.AsArray()
        .Select(x => $"{x!.Text("name")} {x!.Text("status")} {x!["dosage"]!["repetitions"]}")
        .ToArray();

    private static DateTimeOffset Between(DateTimeOffset earlier, DateTimeOffset later) => earlier + (later - earlier) / 2;

    [Fact]
    public async Task every_change_is_traced_with_its_actor_times_reason_and_version()
    {
        var s = await EightChangesByTwoTherapists();

        var history = await HistoryOf(s.EpisodeId);

        history.Select(x => x.Text("kind")).ShouldBe(
            ["PRESCRIBED", "PRESCRIBED", "PROGRESSION", "PRESCRIBED", "REGRESSION", "SUBSTITUTION", "PROGRESSION", "CORRECTION"]);
        history.Select(x => Guid.Parse(x.Text("changeId"))).ShouldBe(s.ChangeIds);
        history.Select(x => x.Long("version")).ShouldBe(s.Versions);
        history.Select(x => x["actor"]!.Text("id")).ShouldBe(["pt-dana", "pt-dana", "pta-marcus", "pta-marcus", "pt-dana", "pta-marcus", "pt-dana", "pta-marcus"]);
        history.Select(x => x.Text("exerciseName")).ShouldBe(
            ["Sit to stand", "Bridge", "Sit to stand", "Heel raise", "Bridge", "Heel raise", "Sit to stand", "Bridge"]);
        history.Select(x => DateOnly.Parse(x.Text("effectiveOn"))).ShouldBe(
            new[] { -28, -28, -21, -20, -14, -10, -25, 0 }.Select(Today.AddDays));
        history[1]["actor"]!.Text("role").ShouldBe("physical-therapist");
        history[2]["actor"]!.Text("displayName").ShouldBe("Marcus Oyelaran");
        history[4].Text("reason").ShouldBe("Low back pain during bridging");

        // The recorded time and request are the store's own, the same the raw ledger shows for that version.
        foreach (var entry in history)
        {
            var row = s.Events.Single(x => x.Long("version") == entry.Long("version"));
            entry.Instant("recordedAt").ShouldBe(row.Instant("recordedAt"));
            entry["correlationId"]?.GetValue<string>().ShouldBe(row["correlationId"]?.GetValue<string>());
        }
        history[0].Text("correlationId").ShouldBe("audit-1");
        history.Select(x => x.Instant("recordedAt")).ShouldBeInOrder();
    }

    [Fact]
    public async Task each_entry_says_field_by_field_what_changed()
    {
        var s = await EightChangesByTwoTherapists();

        var history = await HistoryOf(s.EpisodeId);

        static string[] Changes(JsonNode entry) => entry["changes"]!.AsArray()
            .Select(c => $"{c!.Text("field")}: {c!["from"]?.GetValue<string>() ?? "-"} -> {c!["to"]?.GetValue<string>() ?? "-"}").ToArray();
        Changes(history[0]).ShouldBe(["sets: - -> 3", "repetitions: - -> 10", "frequencyPerWeek: - -> 3", "targetRpe: - -> 5", "setting: - -> Home"]);
        Changes(history[2]).ShouldBe(["repetitions: 10 -> 15"]);
        Changes(history[4]).ShouldBe(["repetitions: 12 -> 8"]);
        Changes(history[5]).ShouldBe(["exercise: Heel raise -> Single-leg heel raise", $"exerciseId: {s.HeelRaise} -> {s.SingleLegHeelRaise}"]);
        // The back-dated progression starts from the dosage in force on its own effective date.
        Changes(history[6]).ShouldBe(["repetitions: 10 -> 12"]);
        Changes(history[7]).ShouldBe([$"correctedChangeId: - -> {s.ChangeIds[4]}", "correctedKind: - -> Regression"]);
    }

    [Fact]
    public async Task the_correction_links_to_the_change_it_corrects_with_reason_and_actor()
    {
        var s = await EightChangesByTwoTherapists();

        var history = await HistoryOf(s.EpisodeId);

        var corrected = history[4];
        var correction = history[7];
        correction["corrects"]!.Text("changeId").ShouldBe(s.ChangeIds[4].ToString());
        correction["corrects"]!.Text("kind").ShouldBe("REGRESSION");
        correction.Text("exerciseId").ShouldBe(s.Bridge.ToString());
        correction.Text("reason").ShouldBe("The regression was for another patient");
        correction["correctedBy"].ShouldBeNull();

        var by = corrected["correctedBy"]!;
        by.Text("changeId").ShouldBe(correction.Text("changeId"));
        by.Text("reason").ShouldBe("The regression was for another patient");
        by.Instant("recordedAt").ShouldBe(correction.Instant("recordedAt"));
        by["by"]!.Text("id").ShouldBe("pta-marcus");
        by["by"]!.Text("role").ShouldBe("physical-therapist-assistant");
        history.Where(x => x != corrected).ShouldAllBe(x => x["correctedBy"] == null);
    }

    [Fact]
    public async Task the_history_pages_without_repeating_or_skipping()
    {
        var s = await EightChangesByTwoTherapists();

        var paged = await HistoryOf(s.EpisodeId, first: 3);

        paged.Select(x => x.Text("changeId")).ShouldBe(s.ChangeIds.Select(x => x.ToString()));
        var firstPage = (await GraphQL(History, new { id = s.EpisodeId, first = 3 })).Ok()["programHistory"]!;
        firstPage.Long("totalCount").ShouldBe(8);
        firstPage["pageInfo"]!["hasNextPage"]!.GetValue<bool>().ShouldBeTrue();
    }

    [Fact]
    public async Task by_recorded_time_it_answers_what_the_record_said_then()
    {
        var s = await EightChangesByTwoTherapists();
        var t = s.RecordedAt;

        var beforeAnything = await ProgramAsOf(s.EpisodeId, recordedAt: t[1].AddSeconds(-1));
        beforeAnything.Long("version").ShouldBe(0);
        Describe(beforeAnything).ShouldBeEmpty();

        var opened = await ProgramAsOf(s.EpisodeId, recordedAt: Between(t[1], t[2]));
        opened.Long("version").ShouldBe(1);
        Describe(opened).ShouldBeEmpty();

        var progressed = await ProgramAsOf(s.EpisodeId, recordedAt: Between(t[4], t[5]));
        progressed.Long("version").ShouldBe(4);
        Describe(progressed).ShouldBe(["Sit to stand ACTIVE 15", "Bridge ACTIVE 12"]);

        // The regression stood in the record until the correction was recorded.
        var regressed = await ProgramAsOf(s.EpisodeId, recordedAt: Between(t[7], t[8]));
        Describe(regressed).ShouldBe(["Sit to stand ACTIVE 15", "Bridge ACTIVE 8", "Heel raise ACTIVE 15"]);

        var substituted = await ProgramAsOf(s.EpisodeId, recordedAt: Between(t[8], t[9]));
        Describe(substituted).ShouldBe(["Sit to stand ACTIVE 15", "Bridge ACTIVE 8", "Heel raise SUBSTITUTED 15", "Single-leg heel raise ACTIVE 10"]);

        // A later correction does not change what the record said before it.
        var beforeCorrection = await ProgramAsOf(s.EpisodeId, recordedAt: Between(t[9], t[10]));
        beforeCorrection.Long("version").ShouldBe(9);
        Describe(beforeCorrection).ShouldContain("Bridge ACTIVE 8");

        var atCorrection = await ProgramAsOf(s.EpisodeId, recordedAt: t[10]);
        atCorrection.Long("version").ShouldBe(10);
        Describe(atCorrection).ShouldContain("Bridge ACTIVE 12");
        atCorrection.Instant("recordedAt").ShouldBe(t[10]);
        atCorrection["effectiveOn"].ShouldBeNull();
    }

    [Fact]
    public async Task by_version_it_answers_what_the_record_said_at_that_version()
    {
        var s = await EightChangesByTwoTherapists();

        Describe(await ProgramAsOf(s.EpisodeId, version: 7)).ShouldContain("Bridge ACTIVE 8");
        Describe(await ProgramAsOf(s.EpisodeId, version: 9)).ShouldContain("Bridge ACTIVE 8");
        Describe(await ProgramAsOf(s.EpisodeId, version: 10)).ShouldContain("Bridge ACTIVE 12");
        Describe(await ProgramAsOf(s.EpisodeId, version: 0)).ShouldBeEmpty();
    }

    [Fact]
    public async Task by_effective_date_it_answers_what_the_patient_was_prescribed_with_corrections_applied()
    {
        var s = await EightChangesByTwoTherapists();

        Describe(await ProgramAsOf(s.EpisodeId, effectiveOn: Today.AddDays(-29))).ShouldBeEmpty();
        Describe(await ProgramAsOf(s.EpisodeId, effectiveOn: Today.AddDays(-26))).ShouldBe(["Sit to stand ACTIVE 10", "Bridge ACTIVE 12"]);
        // The back-dated progression counts from its effective date, though it was recorded last but one.
        Describe(await ProgramAsOf(s.EpisodeId, effectiveOn: Today.AddDays(-23))).ShouldBe(["Sit to stand ACTIVE 12", "Bridge ACTIVE 12"]);
        // The regression of day -14 was entered in error: the patient's bridge never changed.
        var dayOfRegression = await ProgramAsOf(s.EpisodeId, effectiveOn: Today.AddDays(-14));
        Describe(dayOfRegression).ShouldBe(["Sit to stand ACTIVE 15", "Bridge ACTIVE 12", "Heel raise ACTIVE 15"]);
        dayOfRegression.Long("version").ShouldBe(10);
        dayOfRegression.Text("effectiveOn").ShouldBe(Today.AddDays(-14).ToString("yyyy-MM-dd"));
        Describe(await ProgramAsOf(s.EpisodeId, effectiveOn: Today.AddDays(-10))).ShouldBe(
            ["Sit to stand ACTIVE 15", "Bridge ACTIVE 12", "Heel raise SUBSTITUTED 15", "Single-leg heel raise ACTIVE 10"]);
    }

    [Fact]
    public async Task the_two_axes_differ_where_the_record_learned_late_or_was_corrected()
    {
        var s = await EightChangesByTwoTherapists();

        // Asked before the correction was recorded, the record said the bridge had been regressed to 8 on day -14;
        // asked by effective date now, day -14 never saw that regression.
        var recorded = await ProgramAsOf(s.EpisodeId, recordedAt: Between(s.RecordedAt[9], s.RecordedAt[10]));
        var effective = await ProgramAsOf(s.EpisodeId, effectiveOn: Today.AddDays(-14));
        Describe(recorded).ShouldContain("Bridge ACTIVE 8");
        Describe(effective).ShouldContain("Bridge ACTIVE 12");
    }

    [Fact]
    public async Task exactly_one_instant_must_be_given()
    {
        var s = await EightChangesByTwoTherapists();

        var none = await GraphQL(AsOf, new { id = s.EpisodeId });
        none.ErrorCode.ShouldBe("VALIDATION_FAILED");
        none.ErrorField.ShouldBe("recordedAt");

        var two = await GraphQL(AsOf, new { id = s.EpisodeId, effectiveOn = Today.ToString("yyyy-MM-dd"), version = 3 });
        two.ErrorCode.ShouldBe("VALIDATION_FAILED");
        two.ErrorField.ShouldBe("version");

        var negative = await GraphQL(AsOf, new { id = s.EpisodeId, version = -1 });
        negative.ErrorField.ShouldBe("version");

        var beyond = await GraphQL(AsOf, new { id = s.EpisodeId, version = 11 });
        beyond.ErrorCode.ShouldBe("VALIDATION_FAILED");
        beyond.ErrorMessage.ShouldContain("at version 10");
    }

    [Fact]
    public async Task an_unknown_episode_or_another_kind_of_stream_is_not_found()
    {
        var e = await Host.OpenEpisode(Today.AddDays(-3));

        foreach (var id in new[] { Guid.NewGuid(), e.PatientId })
        {
            var history = await GraphQL(History, new { id });
            history.ErrorCode.ShouldBe("NOT_FOUND");
            history.ErrorField.ShouldBe("episodeId");
            (await GraphQL(AsOf, new { id, version = 1 })).ErrorCode.ShouldBe("NOT_FOUND");
        }
    }

    [Fact]
    public async Task an_episode_without_a_program_has_an_empty_history()
    {
        var e = await Host.OpenEpisode(Today.AddDays(-3));

        var history = (await GraphQL(History, new { id = e.EpisodeId })).Ok()["programHistory"]!;

        history.Long("totalCount").ShouldBe(0);
        Describe(await ProgramAsOf(e.EpisodeId, effectiveOn: Today)).ShouldBeEmpty();
    }
}
