using System.Text.Json.Nodes;
using Marten.Events;
using RehabLedger.Tests.Support;

namespace RehabLedger.Tests.Episodes;

/// <summary>
/// One episode from evaluation to discharge through the public API: goals, a program, ten sessions with two
/// progressions and a regression, home logs, a re-assessment, a progress report, then discharge. Every read model is
/// checked against what was recorded.
/// </summary>
public sealed class when_treating_a_full_episode(AppFixture fixture) : AppScenario(fixture)
{
    private long _version;
    private EpisodeSetup _e = null!;

    private async Task<JsonNode> Send(string mutation, string field, object input)
    {
        var payload = (await GraphQL(mutation, new { input })).Ok()[field]!;
        _version = payload["version"]!.GetValue<long>();
        return payload;
    }

    private string Day(int daysAgo) => Today.AddDays(-daysAgo).ToString("yyyy-MM-dd");

    [Fact]
    public async Task every_read_model_tells_the_same_story()
    {
        // Evaluation on day -34 (a Wednesday six weeks back is not needed: weeks are computed from the dates).
        _e = await Host.OpenEpisode(Today.AddDays(-34));
        _version = _e.Version;
        var (_, v) = await Host.Assess(_e, _version, Today.AddDays(-34), "INITIAL", new { code = "LEFS", value = 40 }, new { code = "NPRS", value = 7 });
        _version = v;
        (var lefsGoal, _version) = await Host.SetGoal(GoalsApi.GoalInput(_e, _version, Today.AddDays(-34), "Walk 1 km without pain", "LEFS", target: 60));
        (var stairsGoal, _version) = await Host.SetGoal(GoalsApi.GoalInput(_e, _version, Today.AddDays(-34), "Climb stairs reciprocally"));
        await Send(PlanOfCareApi.CertifyMutation, "certifyPlanOfCare", PlanOfCareApi.CertifyInput(_e, _version, Today.AddDays(-34), Today.AddDays(40)));

        var (squat, v2) = await Host.PrescribeExercise(_e.EpisodeId, _version, Today.AddDays(-34), "Sit to stand",
            ProgramApi.Dosage(sets: 2, repetitions: 10, frequencyPerWeek: 3, setting: "HOME"));
        _version = v2;
        var (bike, v3) = await Host.PrescribeExercise(_e.EpisodeId, _version, Today.AddDays(-34), "Stationary bike",
            ProgramApi.Dosage(sets: 1, repetitions: null, durationMinutes: 10, frequencyPerWeek: 2, setting: "CLINIC"), "CARDIOVASCULAR");
        _version = v3;

        // Ten sessions, every third day from day -32; pain falls, then flares, then settles.
        int[] pains = [7, 6, 6, 5, 4, 5, 6, 4, 3, 3];
        for (var i = 0; i < 10; i++)
        {
            var input = SessionsApi.AttendedInput(_e, _version, Today.AddDays(-32 + 3 * i), squat);
            input["painBefore"] = pains[i];
            input["painAfter"] = Math.Max(0, pains[i] - 2);
            await Send(SessionsApi.RecordSessionMutation, "recordSession", input);
            if (i == 2) await Adjust(squat, "PROGRESSION", ProgramApi.Dosage(sets: 3, repetitions: 10, frequencyPerWeek: 3), 32 - 3 * i, "RPE 3 for three sessions");
            if (i == 4) await Adjust(bike, "PROGRESSION", ProgramApi.Dosage(sets: 1, repetitions: null, durationMinutes: 15, frequencyPerWeek: 2, setting: "CLINIC"), 32 - 3 * i, "Tolerating 10 min easily");
            if (i == 6) await Adjust(squat, "REGRESSION", ProgramApi.Dosage(sets: 2, repetitions: 10, frequencyPerWeek: 3), 32 - 3 * i, "Pain rose for three sessions");
        }
        var cancelled = SessionsApi.MissedInput(_e, _version, Today.AddDays(-3), "CANCELLED");
        await Send(SessionsApi.RecordSessionMutation, "recordSession", cancelled);

        // Home logs: two in the week of day -7 (Wednesday 2026-03-11 falls in the week of Monday 2026-03-09).
        foreach (var daysAgo in new[] { 9, 7 })
            await Send(SessionsApi.LogHomeExerciseMutation, "logHomeExercise", SessionsApi.HomeLogInput(_e, _version, Today.AddDays(-daysAgo), squat));

        (_, _version) = await Host.Assess(_e, _version, Today.AddDays(-2), "RE_ASSESSMENT", new { code = "LEFS", value = 52 }, new { code = "NPRS", value = 3 });
        await Send(GoalsApi.IssueProgressReportMutation, "issueProgressReport", new
        {
            episodeId = _e.EpisodeId, expectedVersion = _version, effectiveOn = Day(2),
            goalSummaries = new[]
            {
                new { goalId = lefsGoal, summary = "LEFS 40 -> 52; walking 600 m" },
                new { goalId = stairsGoal, summary = "Step-to pattern with rail" },
            },
            plan = "Continue program; reassess in four weeks",
        });

        await Host.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));
        var episode = (await GraphQL($$"""
            {
              episode(id: "{{_e.EpisodeId}}") {
                version status
                currentProgram { programVersion exercises { name dosage { sets durationMinutes } lastChange { kind reason } } }
                progress {
                  measures { code baseline latest change reachesMcid worsened series { effectiveOn value } }
                  goals { id description latest met attainmentPercent status }
                  attendance { attended cancelled noShow ratePercent visitsUsed }
                  homeAdherence { weekStart prescribed done percent }
                  painTrend { date painBefore painAfter }
                  adverseEvents { date }
                }
                sessions(first: 3) { totalCount edges { node { date attendance } } }
                homeLogs { totalCount }
                progressReports { effectiveOn }
                timeline { eventType }
              }
              caseload(clinicId: "{{_e.ClinicId}}") { edges { node { episodeId flags attendedSinceProgressReport daysSinceAssessment } } }
            }
            """)).Ok();
        var ep = episode["episode"]!;

        // CurrentProgram: two active exercises, squat back to 2 sets after the regression, bike progressed to 15 min.
        var program = ep["currentProgram"]!;
        program["programVersion"]!.GetValue<long>().ShouldBe(5);
        var exercises = program["exercises"]!.AsArray().ToDictionary(x => x!["name"]!.GetValue<string>());
        exercises["Sit to stand"]!["dosage"]!["sets"]!.GetValue<int>().ShouldBe(2);
        exercises["Sit to stand"]!["lastChange"]!["kind"]!.GetValue<string>().ShouldBe("REGRESSION");
        exercises["Stationary bike"]!["dosage"]!["durationMinutes"]!.GetValue<int>().ShouldBe(15);

        // EpisodeProgress.
        var progress = ep["progress"]!;
        var lefs = progress["measures"]!.AsArray().Single(m => m!["code"]!.GetValue<string>() == "LEFS")!;
        (lefs["baseline"]!.GetValue<decimal>(), lefs["latest"]!.GetValue<decimal>(), lefs["reachesMcid"]!.GetValue<bool>()).ShouldBe((40m, 52m, true));
        var nprs = progress["measures"]!.AsArray().Single(m => m!["code"]!.GetValue<string>() == "NPRS")!;
        nprs["series"]!.AsArray().Count.ShouldBe(2); // from assessments only, not from session pain
        var goal = progress["goals"]!.AsArray().Single(g => ClinicalApi.IdOf(g!) == lefsGoal)!;
        goal["attainmentPercent"]!.GetValue<decimal>().ShouldBe(60m); // (52 - 40) / (60 - 40)
        goal["met"]!.GetValue<bool>().ShouldBeFalse();
        var attendance = progress["attendance"]!;
        (attendance["attended"]!.GetValue<int>(), attendance["cancelled"]!.GetValue<int>(), attendance["ratePercent"]!.GetValue<decimal>())
            .ShouldBe((10, 1, 90.9m));
        progress["painTrend"]!.AsArray().Select(p => p!["painBefore"]!.GetValue<int>()).ShouldBe(pains);
        progress["adverseEvents"]!.AsArray().ShouldBeEmpty();
        var adherence = progress["homeAdherence"]!.AsArray();
        adherence.ShouldAllBe(w => w!["prescribed"]!.GetValue<int>() == 3);
        adherence.Sum(w => w!["done"]!.GetValue<int>()).ShouldBe(2);

        // Lists and the timeline.
        ep["sessions"]!["totalCount"]!.GetValue<int>().ShouldBe(11);
        ep["sessions"]!["edges"]!.AsArray()[0]!["node"]!["attendance"]!.GetValue<string>().ShouldBe("CANCELLED");
        ep["homeLogs"]!["totalCount"]!.GetValue<int>().ShouldBe(2);
        ep["timeline"]!.AsArray().Count.ShouldBe((int)ep["version"]!.GetValue<long>());

        // Caseload: the progress report covers everything before it, so nothing is due; the re-assessment is fresh.
        var row = episode["caseload"]!["edges"]!.AsArray().Single()!["node"]!;
        row["attendedSinceProgressReport"]!.GetValue<int>().ShouldBe(0);
        row["daysSinceAssessment"]!.GetValue<int>().ShouldBe(2);
        row["flags"]!.AsArray().ShouldBeEmpty();

        // Discharge with a discharge assessment closes the episode and takes it off the caseload.
        await Send(PlanOfCareApi.DischargeMutation, "dischargeEpisode", PlanOfCareApi.DischargeInput(_e, _version, Today,
            PlanOfCareApi.DischargeAssessmentInput(_e, [new { code = "LEFS", value = 61 }])));
        await Host.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));
        var after = (await GraphQL($$"""
            {
              episode(id: "{{_e.EpisodeId}}") { status progress { goals { id met } measures { code latest } } }
              caseload(clinicId: "{{_e.ClinicId}}") { totalCount }
            }
            """)).Ok();
        after["episode"]!["status"]!.GetValue<string>().ShouldBe("DISCHARGED");
        after["episode"]!["progress"]!["goals"]!.AsArray().Single(g => ClinicalApi.IdOf(g!) == lefsGoal)!["met"]!.GetValue<bool>().ShouldBeTrue();
        after["caseload"]!["totalCount"]!.GetValue<int>().ShouldBe(0);
        var refused = await GraphQL(SessionsApi.RecordSessionMutation, new { input = SessionsApi.AttendedInput(_e, _version, Today) });
        refused.ErrorCode.ShouldBe("EPISODE_CLOSED");
    }

    private async Task Adjust(Guid exerciseId, string kind, object dosage, int daysAgo, string reason) =>
        await Send(ProgramApi.Adjust, "adjustDosage", new
        {
            episodeId = _e.EpisodeId, expectedVersion = _version, exerciseId, kind, dosage, reason, effectiveOn = Day(daysAgo),
        });
}
