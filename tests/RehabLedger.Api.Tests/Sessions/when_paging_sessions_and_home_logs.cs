using RehabLedger.Programs;
using RehabLedger.Tests.Support;

namespace RehabLedger.Tests.Sessions;

public sealed class when_paging_sessions_and_home_logs(AppFixture fixture) : AppScenario(fixture)
{
    private const string SessionsPage = """
        query($id: ID!, $first: Int, $after: String) {
          episode(id: $id) {
            sessions(first: $first, after: $after) {
              totalCount
              pageInfo { hasNextPage endCursor }
              edges { cursor node { id date } }
            }
          }
        }
        """;

    private const string HomeLogsPage = """
        query($id: ID!, $first: Int, $after: String) {
          episode(id: $id) {
            homeLogs(first: $first, after: $after) {
              totalCount
              pageInfo { hasNextPage endCursor }
              edges { cursor node { id date } }
            }
          }
        }
        """;

    /// <summary>25 sessions, one a day ending today, recorded oldest first; returns their ids newest first.</summary>
    private async Task<(EpisodeSetup Episode, List<Guid> NewestFirst)> TwentyFiveSessions()
    {
        var e = await Host.OpenEpisode(Today.AddDays(-30));
        var version = e.Version;
        var ids = new List<Guid>();
        for (var day = 24; day >= 0; day--)
        {
            var id = Guid.NewGuid();
            version = await Host.RecordAttended(e, version, Today.AddDays(-day), id);
            ids.Insert(0, id);
        }
        return (e, ids);
    }

    [Fact]
    public async Task the_first_page_holds_20_newest_first_and_the_next_page_the_rest()
    {
        var (e, newestFirst) = await TwentyFiveSessions();

        var first = (await GraphQL(SessionsPage, new { id = e.EpisodeId })).Ok()["episode"]!["sessions"]!;
        first["totalCount"]!.GetValue<int>().ShouldBe(25);
        first["pageInfo"]!["hasNextPage"]!.GetValue<bool>().ShouldBeTrue();
        SessionsApi.Ids(first).ShouldBe(newestFirst.Take(20));

        var after = first["pageInfo"]!["endCursor"]!.GetValue<string>();
        var second = (await GraphQL(SessionsPage, new { id = e.EpisodeId, first = 20, after })).Ok()["episode"]!["sessions"]!;
        SessionsApi.Ids(second).ShouldBe(newestFirst.Skip(20));
        second["pageInfo"]!["hasNextPage"]!.GetValue<bool>().ShouldBeFalse();
        second["totalCount"]!.GetValue<int>().ShouldBe(25);
    }

    [Fact]
    public async Task a_back_dated_session_lands_in_date_order_and_same_day_sessions_read_latest_recorded_first()
    {
        var e = await Host.OpenEpisode(Today.AddDays(-30));
        var morning = Guid.NewGuid();
        var afternoon = Guid.NewGuid();
        var backDated = Guid.NewGuid();
        var v = await Host.RecordAttended(e, e.Version, Today, morning);
        v = await Host.RecordAttended(e, v, Today, afternoon);
        await Host.RecordAttended(e, v, Today.AddDays(-10), backDated);

        var page = (await GraphQL(SessionsPage, new { id = e.EpisodeId, first = 2 })).Ok()["episode"]!["sessions"]!;
        SessionsApi.Ids(page).ShouldBe([afternoon, morning]);
        var rest = (await GraphQL(SessionsPage, new { id = e.EpisodeId, after = page["pageInfo"]!["endCursor"]!.GetValue<string>() }))
            .Ok()["episode"]!["sessions"]!;
        SessionsApi.Ids(rest).ShouldBe([backDated]);
    }

    [Fact]
    public async Task a_page_of_100_is_served_and_101_is_refused_not_clamped()
    {
        var e = await Host.OpenEpisode(Today.AddDays(-30));
        await Host.RecordAttended(e, e.Version, Today);

        (await GraphQL(SessionsPage, new { id = e.EpisodeId, first = 100 })).Ok()["episode"]!["sessions"]!["totalCount"]!.GetValue<int>().ShouldBe(1);

        var refused = await GraphQL(SessionsPage, new { id = e.EpisodeId, first = 101 });
        refused.ErrorCode.ShouldBe("VALIDATION_FAILED");
        refused.ErrorField.ShouldBe("first");
        refused.ErrorMessage.ShouldContain("at most 100");
    }

    [Theory]
    [InlineData("not-a-cursor")]
    [InlineData("cmwxOjEyMw==")] // a well-formed cursor for an id this list never held
    public async Task an_invalid_cursor_is_refused_on_after(string after)
    {
        var e = await Host.OpenEpisode(Today.AddDays(-30));
        await Host.RecordAttended(e, e.Version, Today);

        var refused = await GraphQL(SessionsPage, new { id = e.EpisodeId, after });

        refused.ErrorCode.ShouldBe("VALIDATION_FAILED");
        refused.ErrorField.ShouldBe("after");
    }

    [Fact]
    public async Task home_logs_page_the_same_way_and_a_sessions_cursor_is_no_home_logs_cursor()
    {
        var e = await Host.OpenEpisode(Today.AddDays(-30));
        var bridging = await Fixture.Prescribe(e.EpisodeId, Today.AddDays(-30), "Bridging", ExerciseSetting.Home);
        var version = await Fixture.EpisodeVersion(e.EpisodeId);
        var ids = new List<Guid>();
        foreach (var day in new[] { 3, 2, 1 })
        {
            var input = SessionsApi.HomeLogInput(e, version, Today.AddDays(-day), bridging);
            var id = Guid.NewGuid();
            input["id"] = id;
            version = (await GraphQL(SessionsApi.LogHomeExerciseMutation, new { input })).Ok()["logHomeExercise"]!["version"]!.GetValue<long>();
            ids.Insert(0, id);
        }
        var sessionId = Guid.NewGuid();
        await Host.RecordAttended(e, version, Today, sessionId);

        var first = (await GraphQL(HomeLogsPage, new { id = e.EpisodeId, first = 2 })).Ok()["episode"]!["homeLogs"]!;
        SessionsApi.Ids(first).ShouldBe(ids.Take(2));
        first["totalCount"]!.GetValue<int>().ShouldBe(3);
        first["pageInfo"]!["hasNextPage"]!.GetValue<bool>().ShouldBeTrue();
        var second = (await GraphQL(HomeLogsPage, new { id = e.EpisodeId, first = 2, after = first["pageInfo"]!["endCursor"]!.GetValue<string>() }))
            .Ok()["episode"]!["homeLogs"]!;
        SessionsApi.Ids(second).ShouldBe(ids.Skip(2));
        second["pageInfo"]!["hasNextPage"]!.GetValue<bool>().ShouldBeFalse();

        var sessionCursor = (await GraphQL(SessionsPage, new { id = e.EpisodeId })).Ok()["episode"]!["sessions"]!["edges"]![0]!["cursor"]!.GetValue<string>();
        (await GraphQL(HomeLogsPage, new { id = e.EpisodeId, after = sessionCursor })).ErrorField.ShouldBe("after");
    }
}
