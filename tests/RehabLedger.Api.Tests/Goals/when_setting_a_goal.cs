using Marten;
using RehabLedger.Episodes;
using RehabLedger.Goals;
using RehabLedger.Tests.Support;

namespace RehabLedger.Tests.Goals;

public sealed class when_setting_a_goal(AppFixture fixture) : AppScenario(fixture)
{
    [Fact]
    public async Task a_measured_goal_takes_its_baseline_from_the_latest_assessment_and_shows_its_attainment()
    {
        var e = await Host.OpenEpisode(Today.AddDays(-30));
        var (initial, v1) = await Host.Assess(e, e.Version, Today.AddDays(-30), "INITIAL", new { code = "LEFS", value = 38 });
        var (_, v2) = await Host.Assess(e, v1, Today.AddDays(-2), "RE_ASSESSMENT", new { code = "LEFS", value = 47 });

        var payload = (await GraphQL(GoalsApi.SetGoalMutation, new
        {
            input = GoalsApi.GoalInput(e, v2, Today.AddDays(-20), measureCode: "lefs", target: 60, targetDate: Today.AddDays(30)),
        })).Ok()["setGoal"]!;

        payload["version"]!.GetValue<long>().ShouldBe(v2 + 1);
        var goal = payload["episode"]!["goals"]!.AsArray().Single()!;
        goal["measureCode"]!.GetValue<string>().ShouldBe("LEFS");
        goal["baseline"]!.GetValue<decimal>().ShouldBe(38);
        Guid.Parse(goal["baselineAssessmentId"]!.GetValue<string>()).ShouldBe(initial);
        goal["target"]!.GetValue<decimal>().ShouldBe(60);
        goal["targetDate"]!.GetValue<string>().ShouldBe(Today.AddDays(30).ToString("yyyy-MM-dd"));
        goal["status"]!.GetValue<string>().ShouldBe("ACTIVE");
        goal["statusSince"]!.GetValue<string>().ShouldBe(Today.AddDays(-20).ToString("yyyy-MM-dd"));
        goal["latest"]!.GetValue<decimal>().ShouldBe(47);
        goal["met"]!.GetValue<bool>().ShouldBeFalse();
        goal["attainmentPercent"]!.GetValue<decimal>().ShouldBe(40.9m); // 9 / 22
        goal["revisions"]!.AsArray().ShouldBeEmpty();
    }

    [Fact]
    public async Task a_goal_without_a_measure_has_no_latest_met_or_attainment()
    {
        var e = await Host.OpenEpisode(Today.AddDays(-10));
        var goal = (await GraphQL(GoalsApi.SetGoalMutation, new { input = GoalsApi.GoalInput(e, e.Version, Today, "Return to gardening") }))
            .Ok()["setGoal"]!["episode"]!["goals"]!.AsArray().Single()!;

        goal["description"]!.GetValue<string>().ShouldBe("Return to gardening");
        goal["measureCode"].ShouldBeNull();
        goal["latest"].ShouldBeNull();
        goal["met"].ShouldBeNull();
        goal["attainmentPercent"].ShouldBeNull();
    }

    [Theory]
    [InlineData("LEFS", 40, 40, "input.target")] // higher is better: the target must be above the baseline
    [InlineData("LEFS", 40, 30, "input.target")]
    [InlineData("NPRS", 6, 6, "input.target")] // lower is better: the target must be below the baseline
    [InlineData("NPRS", 6, 8, "input.target")]
    [InlineData("LEFS", 40, 81, "input.target")]
    [InlineData("NPRS", 11, 2, "input.baseline")]
    [InlineData("ROM", 90, 120, "input.measureCode")]
    [InlineData("XYZ", 1, 2, "input.measureCode")]
    public async Task an_impossible_goal_is_refused_and_nothing_is_written(string code, decimal baseline, decimal target, string field)
    {
        var e = await Host.OpenEpisode(Today.AddDays(-10));
        var before = await EventCount();

        var response = await GraphQL(GoalsApi.SetGoalMutation,
            new { input = GoalsApi.GoalInput(e, e.Version, Today, measureCode: code, baseline: baseline, target: target) });

        response.ErrorCode.ShouldBe("VALIDATION_FAILED");
        response.ErrorField.ShouldBe(field);
        response.Data?["setGoal"].ShouldBeNull();
        (await EventCount()).ShouldBe(before);
    }

    [Fact]
    public async Task a_measured_goal_without_a_baseline_or_an_assessment_of_it_is_refused()
    {
        var e = await Host.OpenEpisode(Today.AddDays(-10));
        var (_, version) = await Host.Assess(e, e.Version, Today.AddDays(-10), "INITIAL", new { code = "NPRS", value = 7 });
        var before = await EventCount();

        var response = await GraphQL(GoalsApi.SetGoalMutation,
            new { input = GoalsApi.GoalInput(e, version, Today, measureCode: "LEFS", target: 60) });

        response.ErrorCode.ShouldBe("VALIDATION_FAILED");
        response.ErrorField.ShouldBe("input.baseline");
        (await EventCount()).ShouldBe(before);
    }

    [Fact]
    public async Task a_target_date_before_the_goal_is_refused()
    {
        var e = await Host.OpenEpisode(Today.AddDays(-10));
        var response = await GraphQL(GoalsApi.SetGoalMutation,
            new { input = GoalsApi.GoalInput(e, e.Version, Today.AddDays(-2), targetDate: Today.AddDays(-3)) });
        response.ErrorCode.ShouldBe("VALIDATION_FAILED");
        response.ErrorField.ShouldBe("input.targetDate");
    }

    [Fact]
    public async Task a_stale_version_is_refused_with_conflict_and_changes_nothing()
    {
        var e = await Host.OpenEpisode(Today.AddDays(-10));
        await Host.SetGoal(GoalsApi.GoalInput(e, e.Version, Today));
        var before = await EventCount();

        var stale = await GraphQL(GoalsApi.SetGoalMutation, new { input = GoalsApi.GoalInput(e, e.Version, Today, "Walk to the shop") });

        stale.ErrorCode.ShouldBe("CONFLICT");
        (await EventCount()).ShouldBe(before);
    }

    [Fact]
    public async Task retrying_the_same_goal_id_sets_it_once()
    {
        var e = await Host.OpenEpisode(Today.AddDays(-10));
        var (goalId, version) = await Host.SetGoal(GoalsApi.GoalInput(e, e.Version, Today));

        var retry = await GraphQL(GoalsApi.SetGoalMutation, new { input = GoalsApi.GoalInput(e, version, Today, id: goalId) });

        retry.ErrorCode.ShouldBe("CONFLICT");
        await using var session = Fixture.Store.QuerySession();
        (await session.LoadAsync<Episode>(e.EpisodeId))!.Goals.Count.ShouldBe(1);
    }

    [Fact]
    public async Task a_discharged_episode_is_closed_to_new_goals()
    {
        var e = await Host.OpenEpisode(Today.AddDays(-10));
        var version = (await GraphQL("""
            mutation($input: DischargeEpisodeInput!) { dischargeEpisode(input: $input) { version } }
            """, new { input = new { episodeId = e.EpisodeId, expectedVersion = e.Version, effectiveOn = Today.ToString("yyyy-MM-dd"), reason = "Goals met" } }))
            .Ok()["dischargeEpisode"]!["version"]!.GetValue<long>();
        var before = await EventCount();

        var response = await GraphQL(GoalsApi.SetGoalMutation, new { input = GoalsApi.GoalInput(e, version, Today) });

        response.ErrorCode.ShouldBe("EPISODE_CLOSED");
        (await EventCount()).ShouldBe(before);
    }

    [Fact]
    public async Task an_unknown_episode_is_not_found()
    {
        var e = await Host.OpenEpisode(Today.AddDays(-10));
        var response = await GraphQL(GoalsApi.SetGoalMutation, new { input = GoalsApi.GoalInput(e with { EpisodeId = Guid.NewGuid() }, 1, Today) });
        response.ErrorCode.ShouldBe("NOT_FOUND");
        response.ErrorField.ShouldBe("input.episodeId");
    }

    [Fact]
    public async Task the_event_carries_the_goal_the_actor_and_the_effective_date()
    {
        var e = await Host.OpenEpisode(Today.AddDays(-10));
        var (goalId, _) = await Host.SetGoal(GoalsApi.GoalInput(e, e.Version, Today.AddDays(-4), measureCode: "NPRS", baseline: 7, target: 2));

        await using var session = Fixture.Store.QuerySession();
        var set = (await session.Events.FetchStreamAsync(e.EpisodeId)).Last().Data.ShouldBeOfType<GoalSet>();
        set.GoalId.ShouldBe(goalId);
        set.EffectiveOn.ShouldBe(Today.AddDays(-4));
        set.Baseline.ShouldBe(7);
        set.By.Id.ShouldBe(TestTokens.PlatformAdmin.Subject);
    }
}
