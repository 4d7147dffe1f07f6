using Marten;
using RehabLedger.Programs;
using RehabLedger.Tests.Support;

namespace RehabLedger.Tests.Programs;

public sealed class when_changing_a_program(AppFixture fixture) : AppScenario(fixture)
{
    [Fact]
    public async Task a_prescription_appears_in_the_current_program_with_who_and_why()
    {
        var e = await Host.OpenEpisode(Today.AddDays(-14));
        var payload = (await GraphQL(ProgramApi.Prescribe, new
        {
            input = ProgramApi.PrescribeInput(e.EpisodeId, e.Version, Today.AddDays(-14),
                dosage: ProgramApi.Dosage(sets: 2, repetitions: 12, load: 2.5m, loadUnit: "KG", setting: "CLINIC")),
        })).Ok()["prescribeExercise"]!;

        payload["version"]!.GetValue<long>().ShouldBe(e.Version + 1);
        var program = payload["episode"]!["currentProgram"]!;
        program["programVersion"]!.GetValue<long>().ShouldBe(1);
        var exercise = payload.ExerciseNamed("Sit to stand");
        exercise["status"]!.GetValue<string>().ShouldBe("ACTIVE");
        exercise["dosage"]!["load"]!.GetValue<decimal>().ShouldBe(2.5m);
        exercise["dosage"]!["loadUnit"]!.GetValue<string>().ShouldBe("KG");
        exercise["lastChange"]!["kind"]!.GetValue<string>().ShouldBe("PRESCRIBED");
        exercise["lastChange"]!["reason"]!.GetValue<string>().ShouldBe("Initial program");
        exercise["lastChange"]!["by"]!["id"]!.GetValue<string>().ShouldBe(TestTokens.PlatformAdmin.Subject);
    }

    [Fact]
    public async Task progression_regression_substitution_and_discontinuation_each_leave_their_mark()
    {
        var e = await Host.OpenEpisode(Today.AddDays(-30));
        var (squat, v) = await Host.PrescribeExercise(e.EpisodeId, e.Version, Today.AddDays(-30));
        var (bridge, v2) = await Host.PrescribeExercise(e.EpisodeId, v, Today.AddDays(-30), "Bridge", category: "STRENGTHENING");

        var progressed = (await GraphQL(ProgramApi.Adjust, new
        {
            input = new { episodeId = e.EpisodeId, expectedVersion = v2, exerciseId = squat, kind = "PROGRESSION",
                dosage = ProgramApi.Dosage(sets: 3, repetitions: 15), reason = "Three sessions at RPE 3", effectiveOn = Today.AddDays(-20).ToString("yyyy-MM-dd") },
        })).Ok()["adjustDosage"]!;
        var progressedSquat = progressed.ExerciseNamed("Sit to stand");
        progressedSquat["dosage"]!["repetitions"]!.GetValue<int>().ShouldBe(15);
        progressedSquat["dosageSince"]!.GetValue<string>().ShouldBe(Today.AddDays(-20).ToString("yyyy-MM-dd"));
        progressedSquat["lastChange"]!["kind"]!.GetValue<string>().ShouldBe("PROGRESSION");
        var change = progressedSquat["lastChange"]!["dosageChanges"]!.AsArray().ShouldHaveSingleItem()!;
        (change["parameter"]!.GetValue<string>(), change["from"]!.GetValue<string>(), change["to"]!.GetValue<string>()).ShouldBe(("repetitions", "10", "15"));

        var regressed = (await GraphQL(ProgramApi.Adjust, new
        {
            input = new { episodeId = e.EpisodeId, expectedVersion = progressed["version"]!.GetValue<long>(), exerciseId = squat, kind = "REGRESSION",
                dosage = ProgramApi.Dosage(sets: 2, repetitions: 15), reason = "Knee pain 6/10 after last three sessions", effectiveOn = Today.AddDays(-10).ToString("yyyy-MM-dd") },
        })).Ok()["adjustDosage"]!;
        regressed.ExerciseNamed("Sit to stand")["lastChange"]!["kind"]!.GetValue<string>().ShouldBe("REGRESSION");

        var substituted = (await GraphQL(ProgramApi.Substitute, new
        {
            input = new { episodeId = e.EpisodeId, expectedVersion = regressed["version"]!.GetValue<long>(), exerciseId = bridge,
                replacement = new { name = "Single-leg bridge", category = "STRENGTHENING", dosage = ProgramApi.Dosage(sets: 2, repetitions: 8) },
                reason = "Bridge too easy", effectiveOn = Today.AddDays(-5).ToString("yyyy-MM-dd") },
        })).Ok()["substituteExercise"]!;
        substituted.ExerciseNamed("Bridge")["status"]!.GetValue<string>().ShouldBe("SUBSTITUTED");
        var singleLeg = substituted.ExerciseNamed("Single-leg bridge");
        singleLeg["replacesExerciseId"]!.GetValue<string>().ShouldBe(bridge.ToString());

        var discontinued = (await GraphQL(ProgramApi.Discontinue, new
        {
            input = new { episodeId = e.EpisodeId, expectedVersion = substituted["version"]!.GetValue<long>(), exerciseId = squat,
                reason = "Goal met", effectiveOn = Today.ToString("yyyy-MM-dd") },
        })).Ok()["discontinueExercise"]!;
        discontinued.ExerciseNamed("Sit to stand")["status"]!.GetValue<string>().ShouldBe("DISCONTINUED");
        discontinued["episode"]!["currentProgram"]!["programVersion"]!.GetValue<long>().ShouldBe(6);

        var active = (await GraphQL($$"""{ episode(id: "{{e.EpisodeId}}") { currentProgram { exercises { name } } } }""")).Ok();
        active["episode"]!["currentProgram"]!["exercises"]!.AsArray().Select(x => x!["name"]!.GetValue<string>()).ShouldBe(["Single-leg bridge"]);
    }

    [Fact]
    public async Task an_adjustment_that_changes_nothing_is_refused_and_nothing_is_written()
    {
        var e = await Host.OpenEpisode(Today.AddDays(-10));
        var (squat, v) = await Host.PrescribeExercise(e.EpisodeId, e.Version, Today.AddDays(-10));
        var before = await EventCount();

        var response = await GraphQL(ProgramApi.Adjust, new
        {
            input = new { episodeId = e.EpisodeId, expectedVersion = v, exerciseId = squat, kind = "MODIFICATION",
                dosage = ProgramApi.Dosage(), reason = "No change", effectiveOn = Today.ToString("yyyy-MM-dd") },
        });

        response.ErrorCode.ShouldBe("VALIDATION_FAILED");
        response.ErrorField.ShouldBe("input.dosage");
        (await EventCount()).ShouldBe(before);
    }

    [Fact]
    public async Task an_impossible_dosage_is_refused_with_its_field()
    {
        var e = await Host.OpenEpisode(Today.AddDays(-10));
        var response = await GraphQL(ProgramApi.Prescribe, new
        {
            input = ProgramApi.PrescribeInput(e.EpisodeId, e.Version, Today, dosage: ProgramApi.Dosage(sets: 40)),
        });
        response.ErrorCode.ShouldBe("VALIDATION_FAILED");
        response.ErrorField.ShouldBe("input.dosage.sets");
    }

    [Fact]
    public async Task two_concurrent_adjustments_with_the_same_version_one_wins_the_other_gets_conflict()
    {
        var e = await Host.OpenEpisode(Today.AddDays(-10));
        var (squat, v) = await Host.PrescribeExercise(e.EpisodeId, e.Version, Today.AddDays(-10));

        var results = await Task.WhenAll(new[] { 12, 15 }.Select(reps => GraphQL(ProgramApi.Adjust, new
        {
            input = new { episodeId = e.EpisodeId, expectedVersion = v, exerciseId = squat, kind = "PROGRESSION",
                dosage = ProgramApi.Dosage(repetitions: reps), reason = "Tolerating well", effectiveOn = Today.ToString("yyyy-MM-dd") },
        })));

        var winner = results.Single(r => r.Errors is null);
        results.Single(r => r.Errors is not null).ErrorCode.ShouldBe("CONFLICT");
        var winningReps = winner.Data!["adjustDosage"]!.ExerciseNamed("Sit to stand")["dosage"]!["repetitions"]!.GetValue<int>();
        await using var session = Fixture.Store.QuerySession();
        var program = CurrentProgram.Of((await session.LoadAsync<RehabLedger.Episodes.Episode>(e.EpisodeId))!);
        program.ProgramVersion.ShouldBe(2);
        program.Exercises.Single().Dosage.Repetitions.ShouldBe(winningReps);
    }

    [Fact]
    public async Task an_exercise_of_another_episode_is_not_found()
    {
        var first = await Host.OpenEpisode(Today.AddDays(-10));
        var (squat, _) = await Host.PrescribeExercise(first.EpisodeId, first.Version, Today.AddDays(-10));
        var second = await Host.OpenEpisode(Today.AddDays(-10));

        var response = await GraphQL(ProgramApi.Discontinue, new
        {
            input = new { episodeId = second.EpisodeId, expectedVersion = second.Version, exerciseId = squat, reason = "x", effectiveOn = Today.ToString("yyyy-MM-dd") },
        });
        response.ErrorCode.ShouldBe("NOT_FOUND");
        response.ErrorField.ShouldBe("input.exerciseId");
    }
}
