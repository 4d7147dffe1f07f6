using RehabLedger.Tests.Support;

namespace RehabLedger.Tests.Goals;

public sealed class when_setting_a_goal_status(AppFixture fixture) : AppScenario(fixture)
{
    private static object Status(EpisodeSetup e, long expectedVersion, Guid goalId, string status, DateOnly effectiveOn, string? note = null) => new
    {
        episodeId = e.EpisodeId, expectedVersion, goalId, status, note, effectiveOn = effectiveOn.ToString("yyyy-MM-dd"),
    };

    [Fact]
    public async Task a_back_dated_status_does_not_override_a_later_one()
    {
        var e = await Host.OpenEpisode(Today.AddDays(-30));
        var (goalId, v1) = await Host.SetGoal(GoalsApi.GoalInput(e, e.Version, Today.AddDays(-30)));
        var v2 = await Host.SetGoalStatus(e, v1, goalId, "ACHIEVED", Today.AddDays(-2));

        var payload = (await GraphQL(GoalsApi.SetGoalStatusMutation, new
        {
            input = Status(e, v2, goalId, "PARTLY_ACHIEVED", Today.AddDays(-10), "Stairs with one rail"),
        })).Ok()["setGoalStatus"]!;

        payload["version"]!.GetValue<long>().ShouldBe(v2 + 1);
        var goal = payload["episode"]!["goals"]!.AsArray().Single()!;
        goal["status"]!.GetValue<string>().ShouldBe("ACHIEVED");
        goal["statusSince"]!.GetValue<string>().ShouldBe(Today.AddDays(-2).ToString("yyyy-MM-dd"));
        goal["statusHistory"]!.AsArray().Select(s => s!["status"]!.GetValue<string>()).ShouldBe(["PARTLY_ACHIEVED", "ACHIEVED"]);
        goal["statusHistory"]![0]!["note"]!.GetValue<string>().ShouldBe("Stairs with one rail");

        var reread = (await GraphQL($$"""{ episode(id: "{{e.EpisodeId}}") { goals { status statusSince } } }""")).Ok()["episode"]!["goals"]![0]!;
        reread["status"]!.GetValue<string>().ShouldBe("ACHIEVED");
        reread["statusSince"]!.GetValue<string>().ShouldBe(Today.AddDays(-2).ToString("yyyy-MM-dd"));
    }

    [Fact]
    public async Task an_achieved_goal_can_be_reopened()
    {
        var e = await Host.OpenEpisode(Today.AddDays(-30));
        var (goalId, v1) = await Host.SetGoal(GoalsApi.GoalInput(e, e.Version, Today.AddDays(-30)));
        var v2 = await Host.SetGoalStatus(e, v1, goalId, "ACHIEVED", Today.AddDays(-10));

        var goal = (await GraphQL(GoalsApi.SetGoalStatusMutation, new { input = Status(e, v2, goalId, "ACTIVE", Today.AddDays(-3)) }))
            .Ok()["setGoalStatus"]!["episode"]!["goals"]!.AsArray().Single()!;

        goal["status"]!.GetValue<string>().ShouldBe("ACTIVE");
        goal["statusSince"]!.GetValue<string>().ShouldBe(Today.AddDays(-3).ToString("yyyy-MM-dd"));
    }

    [Fact]
    public async Task the_status_already_in_force_is_refused_and_nothing_is_written()
    {
        var e = await Host.OpenEpisode(Today.AddDays(-30));
        var (goalId, version) = await Host.SetGoal(GoalsApi.GoalInput(e, e.Version, Today.AddDays(-30)));
        var before = await EventCount();

        var response = await GraphQL(GoalsApi.SetGoalStatusMutation, new { input = Status(e, version, goalId, "ACTIVE", Today) });

        response.ErrorCode.ShouldBe("VALIDATION_FAILED");
        response.ErrorField.ShouldBe("input.status");
        (await EventCount()).ShouldBe(before);
    }

    [Fact]
    public async Task a_status_dated_before_the_goal_is_refused_and_nothing_is_written()
    {
        var e = await Host.OpenEpisode(Today.AddDays(-30));
        var (goalId, version) = await Host.SetGoal(GoalsApi.GoalInput(e, e.Version, Today.AddDays(-10)));
        var before = await EventCount();

        var response = await GraphQL(GoalsApi.SetGoalStatusMutation, new { input = Status(e, version, goalId, "ACHIEVED", Today.AddDays(-11)) });

        response.ErrorCode.ShouldBe("VALIDATION_FAILED");
        response.ErrorField.ShouldBe("input.effectiveOn");
        (await EventCount()).ShouldBe(before);
    }

    [Fact]
    public async Task an_unknown_goal_is_not_found()
    {
        var e = await Host.OpenEpisode(Today.AddDays(-30));
        var response = await GraphQL(GoalsApi.SetGoalStatusMutation, new { input = Status(e, e.Version, Guid.NewGuid(), "ACHIEVED", Today) });
        response.ErrorCode.ShouldBe("NOT_FOUND");
        response.ErrorField.ShouldBe("input.goalId");
    }
}
