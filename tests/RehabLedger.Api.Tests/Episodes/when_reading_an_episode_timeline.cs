using Marten;
using Marten.Events;
using RehabLedger.Episodes;
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
        // The id the service issued for the request, never the caller's X-Correlation-Id.
        assessment["correlationId"]!.GetValue<string>().ShouldNotBeNullOrEmpty();
        assessment["correlationId"]!.GetValue<string>().ShouldNotBe("timeline-test");
        assessment["by"]!["role"]!.GetValue<string>().ShouldBe(TestTokens.PlatformAdmin.Role);
        // Recorded by the database clock when committed: real time, not the clinic's "today".
        var recordedAt = DateTimeOffset.Parse(assessment["recordedAt"]!.GetValue<string>());
        recordedAt.ShouldBeGreaterThan(DateTimeOffset.UtcNow.AddMinutes(-5));
    }

    [Fact]
    public async Task program_changes_name_the_exercise_and_what_changed()
    {
        var e = await Host.OpenEpisode(Today.AddDays(-20));
        var (squat, v) = await Host.PrescribeExercise(e.EpisodeId, e.Version, Today.AddDays(-20));
        (await GraphQL(ProgramApi.Adjust, new
        {
            input = new { episodeId = e.EpisodeId, expectedVersion = v, exerciseId = squat, kind = "PROGRESSION",
                dosage = ProgramApi.Dosage(repetitions: 15), reason = "Easy at RPE 3", effectiveOn = Today.ToString("yyyy-MM-dd") },
        })).Ok();

        await Host.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));

        var timeline = (await GraphQL($$"""{ episode(id: "{{e.EpisodeId}}") { timeline { summary } } }""")).Ok()["episode"]!["timeline"]!.AsArray();
        timeline.Select(t => t!["summary"]!.GetValue<string>()).ShouldBe([
            "Episode opened for M17.11 Primary osteoarthritis, right knee",
            "Prescribed Sit to stand",
            "Progression of Sit to stand: repetitions 10 -> 15; Easy at RPE 3",
        ]);
    }

    [Fact]
    public async Task goals_sessions_certifications_and_corrections_each_read_as_one_line_and_the_corrected_line_is_flagged()
    {
        var e = await Host.OpenEpisode(Today.AddDays(-20));
        var (squat, v) = await Host.PrescribeExercise(e.EpisodeId, e.Version, Today.AddDays(-20));
        (_, v) = await Host.SetGoal(GoalsApi.GoalInput(e, v, Today.AddDays(-19), targetDate: Today.AddDays(30)));
        v = await Host.Certify(e, v, Today.AddDays(-20), Today.AddDays(69), Guid.NewGuid());
        var session = Guid.NewGuid();
        v = await Host.RecordSession(e, v, Today.AddDays(-18), session, squat);
        await Host.MarkEnteredInError(e.EpisodeId, v, session, "Recorded for the wrong patient");

        await Host.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));

        var timeline = await Host.Timeline(e.EpisodeId);
        timeline.Select(t => t!["summary"]!.GetValue<string>()).ShouldBe([
            "Episode opened for M17.11 Primary osteoarthritis, right knee",
            "Prescribed Sit to stand",
            $"Goal set: Climb one flight of stairs without a rail (by {Today.AddDays(30):yyyy-MM-dd})",
            $"Plan of care certified {Today.AddDays(-20):yyyy-MM-dd} to {Today.AddDays(69):yyyy-MM-dd} by Dr. Lena Okoye",
            "Session with Robin Ames, 45 min: Sit to stand; pain 5 -> 3; RPE 6",
            $"Session of {Today.AddDays(-18):yyyy-MM-dd} marked entered in error: Recorded for the wrong patient",
        ]);
        timeline.Select(t => t!["eventType"]!.GetValue<string>()).ShouldBe([
            "episode_opened", "exercise_prescribed", "goal_set", "plan_of_care_certified", "session_recorded", "entry_entered_in_error",
        ]);
        timeline.Select(t => t!["enteredInError"]!.GetValue<bool>()).ShouldBe([false, false, false, false, true, false]);
        timeline[4]!["entryId"]!.GetValue<string>().ShouldBe(session.ToString());
        timeline[5]!["entryId"]!.GetValue<string>().ShouldBe(session.ToString());
        timeline[4]!["effectiveOn"]!.GetValue<string>().ShouldBe(Today.AddDays(-18).ToString("yyyy-MM-dd"));
        timeline[5]!["effectiveOn"]!.GetValue<string>().ShouldBe(Today.ToString("yyyy-MM-dd"));
        timeline.ShouldAllBe(t => t!["by"]!["role"]!.GetValue<string>() == TestTokens.PlatformAdmin.Role);
    }

    [Fact]
    public async Task a_full_episode_has_a_line_of_its_own_for_every_event_and_every_event_type_is_on_the_list()
    {
        var full = await Host.RecordFullEpisode(Today);
        await Host.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));

        await using var session = Fixture.Store.QuerySession();
        var events = await session.Events.FetchStreamAsync(full.Setup.EpisodeId);
        events.Select(x => x.Data.GetType()).Distinct().ShouldBe(EpisodeStream.EventTypes, ignoreOrder: true);

        var timeline = await Host.Timeline(full.Setup.EpisodeId);
        timeline.Select(t => t!["version"]!.GetValue<long>()).ShouldBe(events.Select(x => x.Version));
        timeline.Select(t => t!["summary"]!.GetValue<string>()).ShouldAllBe(s => !EpisodeStream.EventTypes.Any(type => type.Name == s));
        timeline.Where(t => t!["enteredInError"]!.GetValue<bool>()).Select(t => Guid.Parse(t!["entryId"]!.GetValue<string>()))
            .ShouldBe(full.Corrected);
        timeline.ShouldAllBe(t => t!["effectiveOn"] != null && t["by"] != null);
    }
}
