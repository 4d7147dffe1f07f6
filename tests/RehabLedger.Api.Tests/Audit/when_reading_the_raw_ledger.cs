using RehabLedger.Programs;
using RehabLedger.Tests.Support;
using static RehabLedger.Tests.Support.AuditApi;

namespace RehabLedger.Tests.Audit;

public sealed class when_reading_the_raw_ledger(AppFixture fixture) : AppScenario(fixture)
{
    [Fact]
    public async Task every_event_of_the_episode_appears_in_version_order_with_its_metadata_and_body()
    {
        var e = await Host.OpenEpisode(Today.AddDays(-10));
        var (_, changeId, v) = await Host.Prescribe(Dana, e.EpisodeId, e.Version, Today.AddDays(-9), "Sit to stand", Dosage(3, 10), "ledger-1");
        (await GraphQL(ClinicalApi.RecordAssessmentMutation, new { input = ClinicalApi.AssessmentInput(e, v, Today) },
            new Dictionary<string, string> { ["X-Correlation-Id"] = "ledger-2" })).Ok();

        var events = await Host.AllEpisodeEvents(e.EpisodeId);

        events.Select(x => x.Long("version")).ShouldBe([1L, 2L, 3L]);
        events.Select(x => x.Text("type")).ShouldBe(["episode_opened", "exercise_prescribed", "assessment_recorded"]);
        events.Select(x => x.Long("sequence")).ShouldBeInOrder();
        events.ShouldAllBe(x => x.Text("streamId") == e.EpisodeId.ToString());

        var prescribed = events[1];
        prescribed["actor"]!.Text("id").ShouldBe("pt-dana");
        prescribed["actor"]!.Text("role").ShouldBe("physical-therapist");
        prescribed["actor"]!.Text("displayName").ShouldBe("Dana Whitfield");
        prescribed.Text("correlationId").ShouldBe("ledger-1");
        prescribed["causationId"].ShouldNotBeNull();
        // The body is JSON, not a string to parse again, exactly as stored.
        var data = prescribed["data"]!;
        data.Text("name").ShouldBe("Sit to stand");
        data.Text("changeId").ShouldBe(changeId.ToString());
        data["dosage"]!["repetitions"]!.GetValue<int>().ShouldBe(10);
        data["by"]!.Text("id").ShouldBe("pt-dana");

        // A request's events carry the id the service issued, never the caller's X-Correlation-Id.
        events[2].Text("correlationId").ShouldNotBeNullOrEmpty();
        events[2].Text("correlationId").ShouldNotBe("ledger-2");
        events[2]["actor"]!.Text("id").ShouldBe(TestTokens.PlatformAdmin.Subject);
        events[2].Instant("recordedAt").ShouldBeGreaterThan(prescribed.Instant("recordedAt"));
    }

    [Fact]
    public async Task pages_follow_the_version_and_events_appended_between_pages_are_neither_repeated_nor_skipped()
    {
        var e = await Host.OpenEpisode(Today.AddDays(-10));
        var v = e.Version;
        for (var i = 0; i < 4; i++) (_, _, v) = await Host.Prescribe(Dana, e.EpisodeId, v, Today.AddDays(-9), $"Exercise {i}", Dosage());

        var seen = new List<long>();
        string? after = null;
        var pages = 0;
        while (true)
        {
            var page = (await GraphQL(EpisodeEvents, new { id = e.EpisodeId, first = 2, after })).Ok()["episodeEvents"]!;
            page.Long("totalCount").ShouldBe(v);
            seen.AddRange(page["edges"]!.AsArray().Select(x => x!["node"]!.Long("version")));
            if (!page["pageInfo"]!["hasNextPage"]!.GetValue<bool>()) break;
            after = page["pageInfo"]!.Text("endCursor");
            // Someone records while the auditor reads.
            if (++pages <= 2) (_, _, v) = await Host.Prescribe(Marcus, e.EpisodeId, v, Today, $"Added while paging {pages}", Dosage());
        }

        seen.ShouldBe(Enumerable.Range(1, (int)v).Select(x => (long)x));
    }

    [Fact]
    public async Task an_unknown_episode_or_a_patient_stream_is_not_found_and_a_foreign_cursor_is_refused()
    {
        var e = await Host.OpenEpisode(Today.AddDays(-3));

        foreach (var id in new[] { Guid.NewGuid(), e.PatientId })
        {
            var response = await GraphQL(EpisodeEvents, new { id });
            response.ErrorCode.ShouldBe("NOT_FOUND");
            response.ErrorField.ShouldBe("episodeId");
        }

        var badCursor = await GraphQL(EpisodeEvents, new { id = e.EpisodeId, after = "not-a-cursor" });
        badCursor.ErrorCode.ShouldBe("VALIDATION_FAILED");
        badCursor.ErrorField.ShouldBe("after");
        (await GraphQL(EpisodeEvents, new { id = e.EpisodeId, first = 101 })).ErrorField.ShouldBe("first");
    }

    [Fact]
    public async Task a_correction_appears_as_its_own_event_naming_the_entry_it_corrects()
    {
        var e = await Host.OpenEpisode(Today.AddDays(-10));
        var (exercise, _, v) = await Host.Prescribe(Dana, e.EpisodeId, e.Version, Today.AddDays(-9), "Bridge", Dosage(2, 12));
        var (adjustment, v2) = await Host.Adjust(Dana, e.EpisodeId, v, exercise, AdjustmentKind.Progression, Dosage(2, 15), Today, "Easy");
        await Host.MarkInError(Marcus, e.EpisodeId, v2, adjustment, "Typed into the wrong record");

        var events = await Host.AllEpisodeEvents(e.EpisodeId);

        // The corrected entry is still there, untouched.
        events.Single(x => x.Text("type") == "exercise_dosage_adjusted")["data"]!.Text("changeId").ShouldBe(adjustment.ToString());
        var correction = events.Last();
        correction.Text("type").ShouldBe("entry_entered_in_error");
        correction["data"]!.Text("entryId").ShouldBe(adjustment.ToString());
        correction["data"]!.Text("reason").ShouldBe("Typed into the wrong record");
        correction["actor"]!.Text("id").ShouldBe("pta-marcus");
    }
}
