using System.Net;
using Marten;
using RehabLedger.Episodes;
using RehabLedger.Sessions;
using RehabLedger.Tests.Support;

namespace RehabLedger.Tests.Sessions;

public sealed class when_recording_a_session(AppFixture fixture) : AppScenario(fixture)
{
    private const string SessionQuery = """
        query($id: ID!) {
          episode(id: $id) {
            sessions {
              totalCount
              edges { node {
                id date minutes attendance therapist { id displayName }
                exercises { exerciseId name sets repetitions holdSeconds load loadUnit band durationMinutes rpe }
                painBefore painAfter rpe adverseEvents { description severity actionTaken } note
              } }
            }
          }
        }
        """;

    [Fact]
    public async Task an_attended_session_answers_with_the_achieved_dosage_and_the_therapists_name()
    {
        var e = await Host.OpenEpisode(Today.AddDays(-20));
        var squat = await Fixture.Prescribe(e.EpisodeId, Today.AddDays(-20), "Wall squat");
        var band = await Fixture.Prescribe(e.EpisodeId, Today.AddDays(-20), "Banded side steps");
        var version = await Fixture.EpisodeVersion(e.EpisodeId);
        var input = SessionsApi.AttendedInput(e, version, Today.AddDays(-1), squat);
        input["exercises"] = new object[]
        {
            new { exerciseId = squat, sets = 2, repetitions = 8, load = 4.5m, loadUnit = "KG", rpe = 7 },
            new { exerciseId = band, sets = 0, band = "GREEN" },
        };
        input["adverseEvents"] = new[] { new { description = "Dizzy on standing", severity = "MILD", actionTaken = "Seated rest, BP checked" } };

        var payload = (await GraphQL(SessionsApi.RecordSessionMutation, new { input })).Ok()["recordSession"]!;

        payload["version"]!.GetValue<long>().ShouldBe(version + 1);
        var node = (await GraphQL(SessionQuery, new { id = e.EpisodeId })).Ok()["episode"]!["sessions"]!["edges"]![0]!["node"]!;
        node["date"]!.GetValue<string>().ShouldBe(Today.AddDays(-1).ToString("yyyy-MM-dd"));
        node["minutes"]!.GetValue<int>().ShouldBe(45);
        node["attendance"]!.GetValue<string>().ShouldBe("ATTENDED");
        node["therapist"]!["id"]!.GetValue<string>().ShouldBe(e.TherapistId.ToString());
        node["therapist"]!["displayName"]!.GetValue<string>().ShouldBe("Robin Ames");
        var exercises = node["exercises"]!.AsArray();
        exercises[0]!["name"]!.GetValue<string>().ShouldBe("Wall squat");
        exercises[0]!["load"]!.GetValue<decimal>().ShouldBe(4.5m);
        exercises[0]!["loadUnit"]!.GetValue<string>().ShouldBe("KG");
        exercises[1]!["name"]!.GetValue<string>().ShouldBe("Banded side steps");
        exercises[1]!["sets"]!.GetValue<int>().ShouldBe(0);
        exercises[1]!["band"]!.GetValue<string>().ShouldBe("GREEN");
        exercises[1]!["repetitions"].ShouldBeNull();
        node["painBefore"]!.GetValue<int>().ShouldBe(5);
        node["painAfter"]!.GetValue<int>().ShouldBe(3);
        node["rpe"]!.GetValue<int>().ShouldBe(6);
        node["adverseEvents"]![0]!["severity"]!.GetValue<string>().ShouldBe("MILD");
        node["adverseEvents"]![0]!["actionTaken"]!.GetValue<string>().ShouldBe("Seated rest, BP checked");
        node["note"]!.GetValue<string>().ShouldBe("Tolerated well.");
    }

    [Theory]
    [InlineData("CANCELLED")]
    [InlineData("NO_SHOW")]
    public async Task a_cancelled_session_or_a_no_show_is_recorded_with_no_minutes_and_nothing_performed(string attendance)
    {
        var e = await Host.OpenEpisode(Today.AddDays(-20));
        var input = SessionsApi.MissedInput(e, e.Version, Today.AddDays(-3), attendance);
        input["minutes"] = 0;
        input["note"] = "Phoned to cancel: childcare.";
        (await GraphQL(SessionsApi.RecordSessionMutation, new { input })).Ok();

        var node = (await GraphQL(SessionQuery, new { id = e.EpisodeId })).Ok()["episode"]!["sessions"]!["edges"]![0]!["node"]!;
        node["attendance"]!.GetValue<string>().ShouldBe(attendance);
        node["minutes"]!.GetValue<int>().ShouldBe(0);
        node["exercises"]!.AsArray().ShouldBeEmpty();
        node["adverseEvents"]!.AsArray().ShouldBeEmpty();
        node["painBefore"].ShouldBeNull();
        node["rpe"].ShouldBeNull();
        node["therapist"]!["displayName"]!.GetValue<string>().ShouldBe("Robin Ames");
        node["note"]!.GetValue<string>().ShouldBe("Phoned to cancel: childcare.");
    }

    [Fact]
    public async Task a_colleague_at_the_clinic_may_run_the_session_and_is_named_on_it()
    {
        var e = await Host.OpenEpisode(Today.AddDays(-20));
        var colleague = await Host.RegisterTherapist(e.ClinicId, "Sam Okafor");
        var input = SessionsApi.AttendedInput(e, e.Version, Today);
        input["therapistId"] = colleague;
        (await GraphQL(SessionsApi.RecordSessionMutation, new { input })).Ok();

        var therapist = (await GraphQL(SessionQuery, new { id = e.EpisodeId })).Ok()["episode"]!["sessions"]!["edges"]![0]!["node"]!["therapist"]!;
        therapist["id"]!.GetValue<string>().ShouldBe(colleague.ToString());
        therapist["displayName"]!.GetValue<string>().ShouldBe("Sam Okafor");
    }

    [Theory]
    [InlineData("date in the future", "VALIDATION_FAILED", "input.date")]
    [InlineData("date before the episode", "VALIDATION_FAILED", "input.date")]
    [InlineData("attended without minutes", "VALIDATION_FAILED", "input.minutes")]
    [InlineData("481 minutes", "VALIDATION_FAILED", "input.minutes")]
    [InlineData("cancelled with minutes", "VALIDATION_FAILED", "input.minutes")]
    [InlineData("no-show with exercises", "VALIDATION_FAILED", "input.exercises")]
    [InlineData("exercise not in the program", "VALIDATION_FAILED", "input.exercises[0].exerciseId")]
    [InlineData("exercise prescribed after the session", "VALIDATION_FAILED", "input.exercises[0].exerciseId")]
    [InlineData("exercise listed twice", "VALIDATION_FAILED", "input.exercises[1].exerciseId")]
    [InlineData("501 repetitions", "VALIDATION_FAILED", "input.exercises[0].repetitions")]
    [InlineData("load without its unit", "VALIDATION_FAILED", "input.exercises[0].loadUnit")]
    [InlineData("pain 11", "VALIDATION_FAILED", "input.painBefore")]
    [InlineData("rpe 11", "VALIDATION_FAILED", "input.rpe")]
    [InlineData("adverse event without action", "VALIDATION_FAILED", "input.adverseEvents[0].actionTaken")]
    [InlineData("oversized note", "VALIDATION_FAILED", "input.note")]
    [InlineData("therapist of another clinic", "NOT_FOUND", "input.therapistId")]
    [InlineData("unknown therapist", "NOT_FOUND", "input.therapistId")]
    public async Task a_session_breaking_a_rule_is_refused_and_nothing_is_written(string broken, string code, string field)
    {
        var e = await Host.OpenEpisode(Today.AddDays(-20));
        var squat = await Fixture.Prescribe(e.EpisodeId, Today.AddDays(-20));
        var later = await Fixture.Prescribe(e.EpisodeId, Today.AddDays(-2), "Step-ups");
        var version = await Fixture.EpisodeVersion(e.EpisodeId);
        var input = SessionsApi.AttendedInput(e, version, Today.AddDays(-1), squat);
        var exercise = ((Dictionary<string, object?>[])input["exercises"]!)[0];
        switch (broken)
        {
            case "date in the future": input["date"] = Today.AddDays(1).ToString("yyyy-MM-dd"); break;
            case "date before the episode": input["date"] = Today.AddDays(-21).ToString("yyyy-MM-dd"); break;
            case "attended without minutes": input["minutes"] = null; break;
            case "481 minutes": input["minutes"] = 481; break;
            case "cancelled with minutes": input["attendance"] = "CANCELLED"; input["minutes"] = 30; break;
            case "no-show with exercises": input["attendance"] = "NO_SHOW"; input["minutes"] = null; break;
            case "exercise not in the program": exercise["exerciseId"] = Guid.NewGuid(); break;
            case "exercise prescribed after the session": exercise["exerciseId"] = later; input["date"] = Today.AddDays(-3).ToString("yyyy-MM-dd"); break;
            case "exercise listed twice": input["exercises"] = new[] { exercise, exercise }; break;
            case "501 repetitions": exercise["repetitions"] = 501; break;
            case "load without its unit": exercise["loadUnit"] = null; break;
            case "pain 11": input["painBefore"] = 11; break;
            case "rpe 11": input["rpe"] = 11; break;
            case "adverse event without action": input["adverseEvents"] = new[] { new { description = "Dizzy", severity = "MILD", actionTaken = " " } }; break;
            case "oversized note": input["note"] = new string('x', 4001); break;
            case "therapist of another clinic": input["therapistId"] = await Host.RegisterTherapist(await Host.RegisterClinic("Elsewhere PT")); break;
            case "unknown therapist": input["therapistId"] = Guid.NewGuid(); break;
            default: throw new ArgumentOutOfRangeException(nameof(broken));
        }
        var before = await EventCount();

        var response = await GraphQL(SessionsApi.RecordSessionMutation, new { input });

        response.Status.ShouldBe(HttpStatusCode.OK);
        response.ErrorCode.ShouldBe(code);
        response.ErrorField.ShouldBe(field);
        response.Data?["recordSession"].ShouldBeNull();
        (await EventCount()).ShouldBe(before);
    }

    [Fact]
    public async Task retrying_the_same_session_id_records_it_once()
    {
        var e = await Host.OpenEpisode(Today.AddDays(-20));
        var id = Guid.NewGuid();
        var version = await Host.RecordAttended(e, e.Version, Today, id);
        var before = await EventCount();

        var input = SessionsApi.AttendedInput(e, version, Today);
        input["id"] = id;
        var retry = await GraphQL(SessionsApi.RecordSessionMutation, new { input });

        retry.ErrorCode.ShouldBe("CONFLICT");
        (await EventCount()).ShouldBe(before);
        await using var session = Fixture.Store.QuerySession();
        (await session.Query<RecordedSession>().CountAsync(s => s.EpisodeId == e.EpisodeId)).ShouldBe(1);
    }

    [Fact]
    public async Task a_session_is_written_once_as_its_own_document_and_the_episode_keeps_only_its_id()
    {
        var e = await Host.OpenEpisode(Today.AddDays(-20));
        var id = Guid.NewGuid();
        var first = await Host.RecordAttended(e, e.Version, Today.AddDays(-2), id);
        await Host.RecordAttended(e, first, Today.AddDays(-1));

        await using var session = Fixture.Store.QuerySession();
        var recorded = await session.LoadAsync<RecordedSession>(EntryDocument.Key(e.EpisodeId, id));
        recorded.ShouldNotBeNull();
        recorded.EpisodeId.ShouldBe(e.EpisodeId);
        recorded.Version.ShouldBe(first);
        recorded.Entry.Date.ShouldBe(Today.AddDays(-2));
        // What a session holds lives in its document only, so writing an entry never rewrites the history before it.
        var episodeJson = await session.Json.FindByIdAsync<Episode>(e.EpisodeId);
        episodeJson.ShouldNotBeNull();
        episodeJson.ShouldContain(id.ToString());
        episodeJson.ShouldNotContain("painBefore");
        (await session.LoadAsync<Episode>(e.EpisodeId))!.SessionIds.ShouldContain(id);
    }

    [Fact]
    public async Task a_stale_version_is_refused_with_conflict_and_changes_nothing()
    {
        var e = await Host.OpenEpisode(Today.AddDays(-20));
        await Host.RecordAttended(e, e.Version, Today.AddDays(-2));
        var before = await EventCount();

        var stale = await GraphQL(SessionsApi.RecordSessionMutation, new { input = SessionsApi.AttendedInput(e, e.Version, Today) });

        stale.ErrorCode.ShouldBe("CONFLICT");
        (await EventCount()).ShouldBe(before);
    }

    [Fact]
    public async Task two_writers_with_the_same_version_one_wins_the_other_gets_conflict()
    {
        var e = await Host.OpenEpisode(Today.AddDays(-20));
        var results = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ =>
            GraphQL(SessionsApi.RecordSessionMutation, new { input = SessionsApi.AttendedInput(e, e.Version, Today) })));

        results.Count(r => r.Errors is null).ShouldBe(1);
        results.Single(r => r.Errors is not null).ErrorCode.ShouldBe("CONFLICT");
        await using var session = Fixture.Store.QuerySession();
        (await session.Query<RecordedSession>().CountAsync(s => s.EpisodeId == e.EpisodeId)).ShouldBe(1);
    }

    [Fact]
    public async Task an_unknown_episode_is_not_found()
    {
        var e = await Host.OpenEpisode(Today.AddDays(-20));
        var response = await GraphQL(SessionsApi.RecordSessionMutation,
            new { input = SessionsApi.AttendedInput(e with { EpisodeId = Guid.NewGuid() }, 1, Today) });
        response.ErrorCode.ShouldBe("NOT_FOUND");
        response.ErrorField.ShouldBe("input.episodeId");
    }

    [Fact]
    public async Task a_discharged_episode_is_closed_to_new_sessions()
    {
        var e = await Host.OpenEpisode(Today.AddDays(-20));
        var discharged = (await GraphQL("""
            mutation($input: DischargeEpisodeInput!) { dischargeEpisode(input: $input) { version } }
            """, new { input = new { episodeId = e.EpisodeId, expectedVersion = e.Version, effectiveOn = Today.ToString("yyyy-MM-dd"), reason = "Goals met" } })).Ok();
        var version = discharged["dischargeEpisode"]!["version"]!.GetValue<long>();
        var before = await EventCount();

        var response = await GraphQL(SessionsApi.RecordSessionMutation, new { input = SessionsApi.AttendedInput(e, version, Today) });

        response.ErrorCode.ShouldBe("EPISODE_CLOSED");
        (await EventCount()).ShouldBe(before);
    }

    [Fact]
    public async Task the_event_keeps_the_therapists_name_the_actor_and_the_date()
    {
        var e = await Host.OpenEpisode(Today.AddDays(-20));
        await Host.RecordAttended(e, e.Version, Today.AddDays(-4));

        await using var session = Fixture.Store.QuerySession();
        var recorded = (await session.Events.FetchStreamAsync(e.EpisodeId)).Last().Data.ShouldBeOfType<SessionRecorded>();
        recorded.Date.ShouldBe(Today.AddDays(-4));
        recorded.TherapistId.ShouldBe(e.TherapistId);
        recorded.TherapistName.ShouldBe("Robin Ames");
        recorded.By.Id.ShouldBe(TestTokens.PlatformAdmin.Subject);
    }
}
