using Alba;
using Marten.Events;
using System.Text.Json.Nodes;
using RehabLedger.Tests.Support;

namespace RehabLedger.Tests.Corrections;

/// <summary>
/// One episode, three entries marked entered in error (an assessment, a program change, a session), every view read:
/// the episode, the caseload row, the timeline, the current program and the program history leave out or flag the
/// same entries, because they apply the one set of corrections the same way.
/// </summary>
public sealed class when_every_view_leaves_out_an_entry_in_error(AppFixture fixture) : AppScenario(fixture)
{
    private const string EpisodeViews = """
        query($id: ID!) {
          episode(id: $id) {
            assessments { id }
            measures { code latest }
            currentProgram { programVersion exercises { id dosage { repetitions } } }
            sessions(first: 10) { totalCount edges { node { id } } }
            progress { attendance { attended } }
          }
          programHistory(episodeId: $id) { edges { node { changeId kind correctedBy { changeId } corrects { changeId } } } }
        }
        """;

    private const string Caseload = """
        query($clinicId: ID!) { caseload(clinicId: $clinicId) { edges { node { episodeId flags lastThreePains } } } }
        """;

    [Fact]
    public async Task the_episode_caseload_timeline_program_and_history_agree()
    {
        var start = Today.AddDays(-40);
        var e = await Host.OpenEpisode(start);
        var (initial, v) = await Host.Assess(e, e.Version, start, "INITIAL", new { code = "LEFS", value = 38 });
        (var squat, v) = await Host.PrescribeExercise(e.EpisodeId, v, start.AddDays(1));
        v = await Host.Adjust(e.EpisodeId, v, squat, "PROGRESSION", ProgramApi.Dosage(repetitions: 15), "Typed in the wrong episode", start.AddDays(8));
        var wrongChange = await Host.LastChangeOf(e.EpisodeId, squat);
        var (keptSession, wrongSession) = (Guid.NewGuid(), Guid.NewGuid());
        v = await Host.RecordSession(e, v, start.AddDays(3), keptSession, squat);
        v = await Host.RecordSession(e, v, start.AddDays(5), wrongSession, squat);
        (var wrongAssessment, v) = await Host.Assess(e, v, Today.AddDays(-2), "RE_ASSESSMENT", new { code = "LEFS", value = 50 });

        foreach (var wrong in new[] { wrongChange, wrongSession, wrongAssessment })
            v = await Host.MarkEnteredInError(e.EpisodeId, v, wrong, "Belongs to another episode");
        await Host.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(60));

        var views = (await GraphQL(EpisodeViews, new { id = e.EpisodeId })).Ok();
        var episode = views["episode"]!;
        Ids(episode["assessments"]!).ShouldBe([initial]);
        episode["measures"]!.AsArray().Single()!["latest"]!.GetValue<decimal>().ShouldBe(38);
        episode["currentProgram"]!["exercises"]!.AsArray().Single()!["dosage"]!["repetitions"]!.GetValue<int>().ShouldBe(10);
        episode["currentProgram"]!["programVersion"]!.GetValue<long>().ShouldBe(3); // prescription, progression, its correction
        episode["sessions"]!["totalCount"]!.GetValue<int>().ShouldBe(1);
        Ids(episode["sessions"]!["edges"]!, "node").ShouldBe([keptSession]);
        episode["progress"]!["attendance"]!["attended"]!.GetValue<int>().ShouldBe(1);

        var history = views["programHistory"]!["edges"]!.AsArray().Select(x => x!["node"]!).ToList();
        history.Single(x => x["changeId"]!.GetValue<Guid>() == wrongChange)["correctedBy"].ShouldNotBeNull();
        history.Single(x => x["kind"]!.GetValue<string>() == "CORRECTION")["corrects"]!["changeId"]!.GetValue<Guid>().ShouldBe(wrongChange);

        var row = (await GraphQL(Caseload, new { clinicId = e.ClinicId })).Ok()["caseload"]!["edges"]!.AsArray().Single()!["node"]!;
        row["flags"]!.AsArray().Select(f => f!.GetValue<string>()).ShouldContain("REASSESSMENT_DUE"); // the last standing one is 40 days old
        row["lastThreePains"]!.AsArray().Count.ShouldBe(1);

        var timeline = await Host.Timeline(e.EpisodeId);
        timeline.Where(x => x!["enteredInError"]!.GetValue<bool>()).Select(x => x!["entryId"]!.GetValue<Guid>())
            .ShouldBe([wrongChange, wrongSession, wrongAssessment]);
    }

    private static Guid[] Ids(JsonNode list, string? inner = null) =>
        list.AsArray().Select(x => (inner is null ? x! : x![inner]!)["id"]!.GetValue<Guid>()).ToArray();
}
