using System.Net;
using Marten;
using RehabLedger.Episodes;
using RehabLedger.Sessions;
using RehabLedger.Programs;
using RehabLedger.Tests.Support;

namespace RehabLedger.Tests.Sessions;

public sealed class when_logging_home_exercise(AppFixture fixture) : AppScenario(fixture)
{
    [Fact]
    public async Task a_logged_completion_answers_with_the_exercise_name_and_who_reported_it()
    {
        var e = await Host.OpenEpisode(Today.AddDays(-20));
        var bridging = await Fixture.Prescribe(e.EpisodeId, Today.AddDays(-20), "Bridging", ExerciseSetting.Home);
        var version = await Fixture.EpisodeVersion(e.EpisodeId);
        var input = SessionsApi.HomeLogInput(e, version, Today.AddDays(-1), bridging);
        input["reportedBy"] = "THERAPIST";
        input["note"] = "Reported by phone.";

        var payload = (await GraphQL(SessionsApi.LogHomeExerciseMutation, new { input })).Ok()["logHomeExercise"]!;

        payload["version"]!.GetValue<long>().ShouldBe(version + 1);
        var logs = payload["episode"]!["homeLogs"]!;
        logs["totalCount"]!.GetValue<int>().ShouldBe(1);
        var node = logs["edges"]![0]!["node"]!;
        node["date"]!.GetValue<string>().ShouldBe(Today.AddDays(-1).ToString("yyyy-MM-dd"));
        node["exerciseId"]!.GetValue<string>().ShouldBe(bridging.ToString());
        node["exerciseName"]!.GetValue<string>().ShouldBe("Bridging");
        node["sets"]!.GetValue<int>().ShouldBe(2);
        node["repetitions"]!.GetValue<int>().ShouldBe(12);
        node["pain"]!.GetValue<int>().ShouldBe(2);
        node["reportedBy"]!.GetValue<string>().ShouldBe("THERAPIST");
        node["note"]!.GetValue<string>().ShouldBe("Reported by phone.");
    }

    [Theory]
    [InlineData("clinic exercise", "input.exerciseId")]
    [InlineData("discontinued exercise", "input.exerciseId")]
    [InlineData("exercise not in the program", "input.exerciseId")]
    [InlineData("date in the future", "input.date")]
    [InlineData("date before the episode", "input.date")]
    [InlineData("0 sets", "input.sets")]
    [InlineData("21 sets", "input.sets")]
    [InlineData("501 repetitions", "input.repetitions")]
    [InlineData("pain 11", "input.pain")]
    [InlineData("oversized note", "input.note")]
    public async Task a_log_breaking_a_rule_is_refused_and_nothing_is_written(string broken, string field)
    {
        var e = await Host.OpenEpisode(Today.AddDays(-20));
        var bridging = await Fixture.Prescribe(e.EpisodeId, Today.AddDays(-20), "Bridging", ExerciseSetting.Home);
        var squat = await Fixture.Prescribe(e.EpisodeId, Today.AddDays(-20), "Wall squat", ExerciseSetting.Clinic);
        var stopped = await Fixture.Prescribe(e.EpisodeId, Today.AddDays(-20), "Clamshells", ExerciseSetting.Home);
        await Fixture.Discontinue(e.EpisodeId, stopped, Today.AddDays(-3));
        var input = SessionsApi.HomeLogInput(e, await Fixture.EpisodeVersion(e.EpisodeId), Today.AddDays(-1), bridging);
        switch (broken)
        {
            case "clinic exercise": input["exerciseId"] = squat; break;
            case "discontinued exercise": input["exerciseId"] = stopped; break;
            case "exercise not in the program": input["exerciseId"] = Guid.NewGuid(); break;
            case "date in the future": input["date"] = Today.AddDays(1).ToString("yyyy-MM-dd"); break;
            case "date before the episode": input["date"] = Today.AddDays(-21).ToString("yyyy-MM-dd"); break;
            case "0 sets": input["sets"] = 0; break;
            case "21 sets": input["sets"] = 21; break;
            case "501 repetitions": input["repetitions"] = 501; break;
            case "pain 11": input["pain"] = 11; break;
            case "oversized note": input["note"] = new string('x', 201); break;
            default: throw new ArgumentOutOfRangeException(nameof(broken));
        }
        var before = await EventCount();

        var response = await GraphQL(SessionsApi.LogHomeExerciseMutation, new { input });

        response.Status.ShouldBe(HttpStatusCode.OK);
        response.ErrorCode.ShouldBe("VALIDATION_FAILED");
        response.ErrorField.ShouldBe(field);
        response.Data?["logHomeExercise"].ShouldBeNull();
        (await EventCount()).ShouldBe(before);
    }

    [Fact]
    public async Task a_discontinued_exercise_may_still_be_logged_for_a_day_it_was_active()
    {
        var e = await Host.OpenEpisode(Today.AddDays(-20));
        var stopped = await Fixture.Prescribe(e.EpisodeId, Today.AddDays(-20), "Clamshells", ExerciseSetting.Home);
        await Fixture.Discontinue(e.EpisodeId, stopped, Today.AddDays(-3));
        var input = SessionsApi.HomeLogInput(e, await Fixture.EpisodeVersion(e.EpisodeId), Today.AddDays(-4), stopped);

        (await GraphQL(SessionsApi.LogHomeExerciseMutation, new { input })).Ok();
    }

    [Fact]
    public async Task retrying_the_same_log_id_logs_it_once()
    {
        var e = await Host.OpenEpisode(Today.AddDays(-20));
        var bridging = await Fixture.Prescribe(e.EpisodeId, Today.AddDays(-20), "Bridging", ExerciseSetting.Home);
        var input = SessionsApi.HomeLogInput(e, await Fixture.EpisodeVersion(e.EpisodeId), Today, bridging);
        input["id"] = Guid.NewGuid();
        var version = (await GraphQL(SessionsApi.LogHomeExerciseMutation, new { input })).Ok()["logHomeExercise"]!["version"]!.GetValue<long>();
        var before = await EventCount();

        input["expectedVersion"] = version;
        var retry = await GraphQL(SessionsApi.LogHomeExerciseMutation, new { input });

        retry.ErrorCode.ShouldBe("CONFLICT");
        (await EventCount()).ShouldBe(before);
        await using var session = Fixture.Store.QuerySession();
        (await session.Query<RecordedHomeLog>().CountAsync(l => l.EpisodeId == e.EpisodeId)).ShouldBe(1);
    }

    [Fact]
    public async Task a_discharged_episode_is_closed_to_home_logs()
    {
        var e = await Host.OpenEpisode(Today.AddDays(-20));
        var bridging = await Fixture.Prescribe(e.EpisodeId, Today.AddDays(-20), "Bridging", ExerciseSetting.Home);
        var discharged = (await GraphQL("""
            mutation($input: DischargeEpisodeInput!) { dischargeEpisode(input: $input) { version } }
            """, new { input = new { episodeId = e.EpisodeId, expectedVersion = await Fixture.EpisodeVersion(e.EpisodeId), effectiveOn = Today.ToString("yyyy-MM-dd"), reason = "Goals met" } })).Ok();
        var before = await EventCount();

        var response = await GraphQL(SessionsApi.LogHomeExerciseMutation, new
        {
            input = SessionsApi.HomeLogInput(e, discharged["dischargeEpisode"]!["version"]!.GetValue<long>(), Today, bridging),
        });

        response.ErrorCode.ShouldBe("EPISODE_CLOSED");
        (await EventCount()).ShouldBe(before);
    }
}
