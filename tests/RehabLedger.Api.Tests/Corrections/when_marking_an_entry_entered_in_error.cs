using Marten;
using RehabLedger.Corrections;
using RehabLedger.Tests.Support;

namespace RehabLedger.Tests.Corrections;

public sealed class when_marking_an_entry_entered_in_error(AppFixture fixture) : AppScenario(fixture)
{
    private const string Mark = """
        mutation($input: MarkEnteredInErrorInput!) {
          markEnteredInError(input: $input) {
            version
            episode {
              assessments { id }
              measures { code baseline latest }
              currentProgram { programVersion exercises { name dosage { repetitions } lastChange { kind } } }
            }
          }
        }
        """;

    private async Task<GraphQLResponse> MarkInError(Guid episodeId, long version, Guid entryId, string reason = "Wrong patient") =>
        await GraphQL(Mark, new { input = new { episodeId, expectedVersion = version, entryId, reason } });

    [Fact]
    public async Task an_assessment_in_error_leaves_the_series_but_stays_in_the_stream()
    {
        var e = await Host.OpenEpisode(Today.AddDays(-20));
        var first = (await GraphQL(ClinicalApi.RecordAssessmentMutation, new { input = ClinicalApi.AssessmentInput(e, e.Version, Today.AddDays(-20)) })).Ok();
        var v = first["recordAssessment"]!["version"]!.GetValue<long>();
        var second = (await GraphQL(ClinicalApi.RecordAssessmentMutation, new
        {
            input = ClinicalApi.AssessmentInput(e, v, Today.AddDays(-2), "RE_ASSESSMENT", [new { code = "LEFS", value = 70 }]),
        })).Ok()["recordAssessment"]!;
        var wrong = second["episode"]!["assessments"]!.AsArray()[1]!;

        var corrected = (await MarkInError(e.EpisodeId, second["version"]!.GetValue<long>(), ClinicalApi.IdOf(wrong))).Ok()["markEnteredInError"]!;

        corrected["episode"]!["assessments"]!.AsArray().Count.ShouldBe(1);
        var lefs = corrected["episode"]!["measures"]!.AsArray().Single(m => m!["code"]!.GetValue<string>() == "LEFS")!;
        lefs["latest"]!.GetValue<decimal>().ShouldBe(38);
        await using var session = Fixture.Store.QuerySession();
        var events = await session.Events.FetchStreamAsync(e.EpisodeId);
        events.Count(x => x.EventTypeName == "assessment_recorded").ShouldBe(2);
        events.Last().Data.ShouldBeOfType<EntryEnteredInError>().Kind.ShouldBe(EntryKind.Assessment);
    }

    [Fact]
    public async Task a_dosage_adjustment_in_error_returns_the_program_to_the_previous_dosage()
    {
        var e = await Host.OpenEpisode(Today.AddDays(-20));
        var (squat, v) = await Host.PrescribeExercise(e.EpisodeId, e.Version, Today.AddDays(-20));
        var adjusted = (await GraphQL(ProgramApi.Adjust, new
        {
            input = new { episodeId = e.EpisodeId, expectedVersion = v, exerciseId = squat, kind = "PROGRESSION",
                dosage = ProgramApi.Dosage(repetitions: 20), reason = "Typed for another patient", effectiveOn = Today.ToString("yyyy-MM-dd") },
        })).Ok()["adjustDosage"]!;
        await using var session = Fixture.Store.QuerySession();
        var adjustment = (await session.Events.FetchStreamAsync(e.EpisodeId)).Last().Data.ShouldBeOfType<RehabLedger.Programs.ExerciseDosageAdjusted>();

        var corrected = (await MarkInError(e.EpisodeId, adjusted["version"]!.GetValue<long>(), adjustment.ChangeId)).Ok()["markEnteredInError"]!;

        var program = corrected["episode"]!["currentProgram"]!;
        program["programVersion"]!.GetValue<long>().ShouldBe(3);
        var exercise = program["exercises"]!.AsArray().Single()!;
        exercise["dosage"]!["repetitions"]!.GetValue<int>().ShouldBe(10);
        exercise["lastChange"]!["kind"]!.GetValue<string>().ShouldBe("PRESCRIBED");
    }

    [Fact]
    public async Task an_unknown_entry_is_not_found_and_a_second_correction_is_refused()
    {
        var e = await Host.OpenEpisode(Today.AddDays(-20));
        var unknown = await MarkInError(e.EpisodeId, e.Version, Guid.NewGuid());
        unknown.ErrorCode.ShouldBe("NOT_FOUND");
        unknown.ErrorField.ShouldBe("input.entryId");

        var recorded = (await GraphQL(ClinicalApi.RecordAssessmentMutation, new { input = ClinicalApi.AssessmentInput(e, e.Version, Today) })).Ok()["recordAssessment"]!;
        var id = ClinicalApi.IdOf(recorded["episode"]!["assessments"]!.AsArray()[0]!);
        var v = (await MarkInError(e.EpisodeId, recorded["version"]!.GetValue<long>(), id)).Ok()["markEnteredInError"]!["version"]!.GetValue<long>();
        var before = await EventCount();

        var again = await MarkInError(e.EpisodeId, v, id);
        again.ErrorCode.ShouldBe("VALIDATION_FAILED");
        again.ErrorField.ShouldBe("input.entryId");
        (await EventCount()).ShouldBe(before);
    }

    [Fact]
    public async Task a_correction_needs_a_reason()
    {
        var e = await Host.OpenEpisode(Today.AddDays(-20));
        var recorded = (await GraphQL(ClinicalApi.RecordAssessmentMutation, new { input = ClinicalApi.AssessmentInput(e, e.Version, Today) })).Ok()["recordAssessment"]!;
        var id = ClinicalApi.IdOf(recorded["episode"]!["assessments"]!.AsArray()[0]!);
        var response = await MarkInError(e.EpisodeId, recorded["version"]!.GetValue<long>(), id, reason: " ");
        response.ErrorField.ShouldBe("input.reason");
    }
}
