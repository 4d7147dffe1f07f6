using Marten;
using RehabLedger.Corrections;
using RehabLedger.Programs;
using RehabLedger.Tests.Support;

namespace RehabLedger.Tests.Sessions;

public sealed class when_correcting_sessions_and_home_logs(AppFixture fixture) : AppScenario(fixture)
{
    private const string Mark = """
        mutation($input: MarkEnteredInErrorInput!) {
          markEnteredInError(input: $input) {
            version
            episode {
              sessions { totalCount edges { node { id } } }
              homeLogs { totalCount edges { node { id } } }
            }
          }
        }
        """;

    private const string SessionsAfter = """
        query($id: ID!, $after: String) { episode(id: $id) { sessions(after: $after) { totalCount edges { cursor node { id } } } } }
        """;

    private async Task<GraphQLResponse> MarkInError(Guid episodeId, long version, Guid entryId) =>
        await GraphQL(Mark, new { input = new { episodeId, expectedVersion = version, entryId, reason = "Recorded on the wrong patient" } });

    private async Task<EntryKind> LastCorrectionKind(Guid episodeId)
    {
        await using var session = Fixture.Store.QuerySession();
        return (await session.Events.FetchStreamAsync(episodeId)).Last().Data.ShouldBeOfType<EntryEnteredInError>().Kind;
    }

    [Fact]
    public async Task a_session_in_error_leaves_the_list_but_stays_in_the_stream()
    {
        var e = await Host.OpenEpisode(Today.AddDays(-20));
        var kept = Guid.NewGuid();
        var wrong = Guid.NewGuid();
        var v = await Host.RecordAttended(e, e.Version, Today.AddDays(-2), kept);
        v = await Host.RecordAttended(e, v, Today.AddDays(-1), wrong);

        var corrected = (await MarkInError(e.EpisodeId, v, wrong)).Ok()["markEnteredInError"]!;

        var sessions = corrected["episode"]!["sessions"]!;
        sessions["totalCount"]!.GetValue<int>().ShouldBe(1);
        SessionsApi.Ids(sessions).ShouldBe([kept]);
        (await LastCorrectionKind(e.EpisodeId)).ShouldBe(EntryKind.Session);
    }

    [Fact]
    public async Task a_home_log_in_error_leaves_the_list()
    {
        var e = await Host.OpenEpisode(Today.AddDays(-20));
        var bridging = await Fixture.Prescribe(e.EpisodeId, Today.AddDays(-20), "Bridging", ExerciseSetting.Home);
        var input = SessionsApi.HomeLogInput(e, await Fixture.EpisodeVersion(e.EpisodeId), Today, bridging);
        var logId = Guid.NewGuid();
        input["id"] = logId;
        var v = (await GraphQL(SessionsApi.LogHomeExerciseMutation, new { input })).Ok()["logHomeExercise"]!["version"]!.GetValue<long>();

        var corrected = (await MarkInError(e.EpisodeId, v, logId)).Ok()["markEnteredInError"]!;

        corrected["episode"]!["homeLogs"]!["totalCount"]!.GetValue<int>().ShouldBe(0);
        (await LastCorrectionKind(e.EpisodeId)).ShouldBe(EntryKind.HomeLog);
    }

    [Fact]
    public async Task a_cursor_naming_a_session_since_entered_in_error_is_refused_on_after()
    {
        var e = await Host.OpenEpisode(Today.AddDays(-20));
        var wrong = Guid.NewGuid();
        var v = await Host.RecordAttended(e, e.Version, Today, wrong);
        v = await Host.RecordAttended(e, v, Today.AddDays(-1));
        var cursor = (await GraphQL(SessionsAfter, new { id = e.EpisodeId })).Ok()["episode"]!["sessions"]!["edges"]![0]!["cursor"]!.GetValue<string>();
        (await MarkInError(e.EpisodeId, v, wrong)).Ok();

        var refused = await GraphQL(SessionsAfter, new { id = e.EpisodeId, after = cursor });

        refused.ErrorCode.ShouldBe("VALIDATION_FAILED");
        refused.ErrorField.ShouldBe("after");
    }
}
