using RehabLedger.Tests.Support;

namespace RehabLedger.Tests.Goals;

public sealed class when_issuing_a_progress_report(AppFixture fixture) : AppScenario(fixture)
{
    private static object Report(EpisodeSetup e, long expectedVersion, DateOnly effectiveOn, object[] goalSummaries, string? plan = null) => new
    {
        episodeId = e.EpisodeId, expectedVersion, effectiveOn = effectiveOn.ToString("yyyy-MM-dd"), goalSummaries, plan,
    };

    [Fact]
    public async Task the_report_lists_progress_toward_each_active_goal_and_is_not_an_assessment()
    {
        var e = await Host.OpenEpisode(Today.AddDays(-30));
        var (_, v1) = await Host.Assess(e, e.Version, Today.AddDays(-30), "INITIAL", new { code = "NPRS", value = 7 });
        var (stairs, v2) = await Host.SetGoal(GoalsApi.GoalInput(e, v1, Today.AddDays(-30)));
        var (pain, v3) = await Host.SetGoal(GoalsApi.GoalInput(e, v2, Today.AddDays(-30), "Sleep without waking from pain", "NPRS", target: 2));
        var v4 = await Host.SetGoalStatus(e, v3, pain, "ACHIEVED", Today.AddDays(-1));

        var payload = (await GraphQL(GoalsApi.IssueProgressReportMutation, new
        {
            input = Report(e, v4, Today, [new { goalId = stairs, summary = "Climbs with one rail" }], "Progress step-ups; reassess in 2 weeks"),
        })).Ok()["issueProgressReport"]!;

        payload["version"]!.GetValue<long>().ShouldBe(v4 + 1);
        var episode = payload["episode"]!;
        var report = episode["progressReports"]!.AsArray().Single()!;
        report["effectiveOn"]!.GetValue<string>().ShouldBe(Today.ToString("yyyy-MM-dd"));
        report["plan"]!.GetValue<string>().ShouldBe("Progress step-ups; reassess in 2 weeks");
        report["by"]!["id"]!.GetValue<string>().ShouldBe(TestTokens.PlatformAdmin.Subject);
        var summary = report["goalSummaries"]!.AsArray().Single()!;
        summary["goalId"]!.GetValue<string>().ShouldBe(stairs.ToString());
        summary["summary"]!.GetValue<string>().ShouldBe("Climbs with one rail");
        episode["assessments"]!.AsArray().Count.ShouldBe(1);

        var reread = (await GraphQL($$"""{ episode(id: "{{e.EpisodeId}}") { version progressReports { id goalSummaries { goalId } } } }""")).Ok()["episode"]!;
        reread["version"]!.GetValue<long>().ShouldBe(v4 + 1);
        reread["progressReports"]!.AsArray().Single()!["id"]!.GetValue<string>().ShouldBe(report["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task a_report_missing_an_active_goal_is_refused_naming_it_and_nothing_is_written()
    {
        var e = await Host.OpenEpisode(Today.AddDays(-30));
        var (stairs, v1) = await Host.SetGoal(GoalsApi.GoalInput(e, e.Version, Today.AddDays(-30)));
        var (walk, v2) = await Host.SetGoal(GoalsApi.GoalInput(e, v1, Today.AddDays(-20), "Walk to the shop and back"));
        var before = await EventCount();

        var response = await GraphQL(GoalsApi.IssueProgressReportMutation,
            new { input = Report(e, v2, Today, [new { goalId = stairs, summary = "Climbs with one rail" }]) });

        response.ErrorCode.ShouldBe("VALIDATION_FAILED");
        response.ErrorField.ShouldBe("input.goalSummaries");
        response.ErrorMessage.ShouldContain(walk.ToString());
        response.ErrorMessage.ShouldContain("Walk to the shop and back");
        (await EventCount()).ShouldBe(before);
    }

    [Fact]
    public async Task a_goal_of_another_episode_is_not_found_and_nothing_is_written()
    {
        var other = await Host.OpenEpisode(Today.AddDays(-30));
        var (foreign, _) = await Host.SetGoal(GoalsApi.GoalInput(other, other.Version, Today));
        var e = await Host.OpenEpisode(Today.AddDays(-30));
        var before = await EventCount();

        var response = await GraphQL(GoalsApi.IssueProgressReportMutation,
            new { input = Report(e, e.Version, Today, [new { goalId = foreign, summary = "Improving" }]) });

        response.ErrorCode.ShouldBe("NOT_FOUND");
        response.ErrorField.ShouldBe("input.goalSummaries[0].goalId");
        (await EventCount()).ShouldBe(before);
    }

    [Fact]
    public async Task an_oversized_summary_is_refused_not_truncated()
    {
        var e = await Host.OpenEpisode(Today.AddDays(-30));
        var (stairs, version) = await Host.SetGoal(GoalsApi.GoalInput(e, e.Version, Today));
        var before = await EventCount();

        var response = await GraphQL(GoalsApi.IssueProgressReportMutation,
            new { input = Report(e, version, Today, [new { goalId = stairs, summary = new string('x', 4001) }]) });

        response.ErrorCode.ShouldBe("VALIDATION_FAILED");
        response.ErrorField.ShouldBe("input.goalSummaries[0].summary");
        (await EventCount()).ShouldBe(before);
    }

    [Fact]
    public async Task a_stale_version_is_refused_with_conflict()
    {
        var e = await Host.OpenEpisode(Today.AddDays(-30));
        var (stairs, _) = await Host.SetGoal(GoalsApi.GoalInput(e, e.Version, Today));
        var before = await EventCount();

        var response = await GraphQL(GoalsApi.IssueProgressReportMutation,
            new { input = Report(e, e.Version, Today, [new { goalId = stairs, summary = "Improving" }]) });

        response.ErrorCode.ShouldBe("CONFLICT");
        (await EventCount()).ShouldBe(before);
    }
}
