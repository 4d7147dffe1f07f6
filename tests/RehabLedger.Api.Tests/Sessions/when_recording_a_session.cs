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
}
