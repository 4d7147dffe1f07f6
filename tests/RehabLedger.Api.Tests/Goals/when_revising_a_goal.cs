using RehabLedger.Tests.Support;

namespace RehabLedger.Tests.Goals;

public sealed class when_revising_a_goal(AppFixture fixture) : AppScenario(fixture)
{
    private object Revision(EpisodeSetup e, long expectedVersion, Guid goalId, object? description = null, decimal? target = null,
        DateOnly? targetDate = null, string reason = "Progressing faster than expected") => new Dictionary<string, object?>
    {
        ["episodeId"] = e.EpisodeId, ["expectedVersion"] = expectedVersion, ["goalId"] = goalId, ["description"] = description,
        ["target"] = target, ["targetDate"] = targetDate?.ToString("yyyy-MM-dd"), ["reason"] = reason,
        ["effectiveOn"] = Today.ToString("yyyy-MM-dd"),
    };

    [Fact]
    public async Task the_goal_shows_its_new_values_and_the_revision_lists_each_change_with_its_reason()
    {
        var e = await Host.OpenEpisode(Today.AddDays(-30));
        var (_, v1) = await Host.Assess(e, e.Version, Today.AddDays(-30), "INITIAL", new { code = "LEFS", value = 38 });
        var (goalId, v2) = await Host.SetGoal(GoalsApi.GoalInput(e, v1, Today.AddDays(-30), measureCode: "LEFS", target: 60));
        var (_, v3) = await Host.Assess(e, v2, Today.AddDays(-1), "RE_ASSESSMENT", new { code = "LEFS", value = 60 });

        var payload = (await GraphQL(GoalsApi.ReviseGoalMutation, new
        {
            input = Revision(e, v3, goalId, description: "Climb two flights without a rail", target: 71, targetDate: Today.AddDays(21)),
        })).Ok()["reviseGoal"]!;

        payload["version"]!.GetValue<long>().ShouldBe(v3 + 1);
        var goal = payload["episode"]!["goals"]!.AsArray().Single()!;
        goal["description"]!.GetValue<string>().ShouldBe("Climb two flights without a rail");
        goal["target"]!.GetValue<decimal>().ShouldBe(71);
        goal["met"]!.GetValue<bool>().ShouldBeFalse();
        goal["attainmentPercent"]!.GetValue<decimal>().ShouldBe(66.7m); // 22 of 33
        var revision = goal["revisions"]!.AsArray().Single()!;
        revision["reason"]!.GetValue<string>().ShouldBe("Progressing faster than expected");
        revision["effectiveOn"]!.GetValue<string>().ShouldBe(Today.ToString("yyyy-MM-dd"));
        revision["by"]!["id"]!.GetValue<string>().ShouldBe(TestTokens.PlatformAdmin.Subject);
        revision["changes"]!.AsArray().Select(c => (c!["field"]!.GetValue<string>(), c["from"]?.GetValue<string>(), c["to"]?.GetValue<string>()))
            .ShouldBe([
                ("description", "Climb one flight of stairs without a rail", "Climb two flights without a rail"),
                ("target", "60", "71"),
                ("targetDate", null, Today.AddDays(21).ToString("yyyy-MM-dd")),
            ]);
    }

    [Fact]
    public async Task a_revision_that_changes_nothing_is_refused_and_nothing_is_written()
    {
        var e = await Host.OpenEpisode(Today.AddDays(-10));
        var (goalId, version) = await Host.SetGoal(GoalsApi.GoalInput(e, e.Version, Today, measureCode: "NPRS", baseline: 7, target: 2));
        var before = await EventCount();

        var response = await GraphQL(GoalsApi.ReviseGoalMutation, new { input = Revision(e, version, goalId, target: 2) });

        response.ErrorCode.ShouldBe("VALIDATION_FAILED");
        response.ErrorField.ShouldBe("input");
        (await EventCount()).ShouldBe(before);
    }

    [Theory]
    [InlineData("NPRS", 7, 2, 7)]
    [InlineData("NPRS", 7, 2, 9)]
    [InlineData("LEFS", 38, 60, 38)]
    [InlineData("LEFS", 38, 60, 20)]
    public async Task a_revised_target_against_the_direction_of_improvement_is_refused(string code, decimal baseline, decimal target, decimal revised)
    {
        var e = await Host.OpenEpisode(Today.AddDays(-10));
        var (goalId, version) = await Host.SetGoal(GoalsApi.GoalInput(e, e.Version, Today, measureCode: code, baseline: baseline, target: target));
        var before = await EventCount();

        var response = await GraphQL(GoalsApi.ReviseGoalMutation, new { input = Revision(e, version, goalId, target: revised) });

        response.ErrorCode.ShouldBe("VALIDATION_FAILED");
        response.ErrorField.ShouldBe("input.target");
        (await EventCount()).ShouldBe(before);
    }

    [Fact]
    public async Task a_discontinued_goal_cannot_be_revised()
    {
        var e = await Host.OpenEpisode(Today.AddDays(-10));
        var (goalId, v1) = await Host.SetGoal(GoalsApi.GoalInput(e, e.Version, Today.AddDays(-10)));
        var v2 = await Host.SetGoalStatus(e, v1, goalId, "DISCONTINUED", Today.AddDays(-1));
        var before = await EventCount();

        var response = await GraphQL(GoalsApi.ReviseGoalMutation, new { input = Revision(e, v2, goalId, description: "Climb with a rail") });

        response.ErrorCode.ShouldBe("VALIDATION_FAILED");
        response.ErrorField.ShouldBe("input.goalId");
        response.ErrorMessage.ShouldContain("discontinued");
        (await EventCount()).ShouldBe(before);
    }

    [Fact]
    public async Task an_unknown_goal_is_not_found()
    {
        var e = await Host.OpenEpisode(Today.AddDays(-10));
        var response = await GraphQL(GoalsApi.ReviseGoalMutation, new { input = Revision(e, e.Version, Guid.NewGuid(), description: "x") });
        response.ErrorCode.ShouldBe("NOT_FOUND");
        response.ErrorField.ShouldBe("input.goalId");
    }

    [Fact]
    public async Task a_stale_version_is_refused_with_conflict()
    {
        var e = await Host.OpenEpisode(Today.AddDays(-10));
        var (goalId, _) = await Host.SetGoal(GoalsApi.GoalInput(e, e.Version, Today));
        var before = await EventCount();

        var response = await GraphQL(GoalsApi.ReviseGoalMutation, new { input = Revision(e, e.Version, goalId, description: "Walk to the shop") });

        response.ErrorCode.ShouldBe("CONFLICT");
        (await EventCount()).ShouldBe(before);
    }
}
