using System.Net;
using GraphQL.Types;
using RehabLedger.Sessions;
using RehabLedger.Tests.Security;
using RehabLedger.Tests.Support;

namespace RehabLedger.Tests.Portal;

/// <summary>
/// A patient sees their own episodes' current program through a type built for them, and logs their own home
/// exercises, always as PATIENT. Nothing else of the record is theirs to read.
/// </summary>
public sealed class when_a_patient_uses_the_portal(AppFixture fixture) : AppScenario(fixture)
{
    private const string LogHome = "mutation($input: LogHomeExerciseInput!) { logHomeExercise(input: $input) { version } }";
    private SecurityWorld _world = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _world = await SecurityWorld.Seed(Host, Today);
    }

    private Dictionary<string, string> Maria => _world.Headers(Host, Who.Patient).ToDictionary();

    private object HomeLog(ClinicRecords r, string reportedBy = "PATIENT") => new
    {
        input = new { episodeId = r.EpisodeId, expectedVersion = r.Version, date = Today.ToString("yyyy-MM-dd"), exerciseId = r.ExerciseId, sets = 3, repetitions = 10, reportedBy },
    };

    [Fact]
    public async Task the_patient_sees_their_episodes_and_the_exercises_to_do()
    {
        var second = await SecurityApi.Episode(Host, _world.A.ClinicId, _world.A.TherapistId, _world.A.PatientId, Today.AddDays(3));
        var episodes = (await GraphQL("""
            { myEpisodes { id version status startedOn condition bodyRegion exercises { id name category instructions dosage { sets repetitions frequencyPerWeek setting } } } }
            """, headers: Maria)).Ok()["myEpisodes"]!.AsArray();

        episodes.Ids().ShouldBe([second.EpisodeId, _world.A.EpisodeId], "latest start first, and only Maria's");
        var exercise = episodes[1]!["exercises"]!.AsArray().Single()!;
        exercise["name"]!.GetValue<string>().ShouldBe("Bridge");
        exercise["dosage"]!["setting"]!.GetValue<string>().ShouldBe("HOME");
        episodes[1]!["version"]!.GetValue<long>().ShouldBe(_world.A.Version);
    }

    [Fact]
    public void the_patients_types_hold_no_notes_reasons_or_other_people()
    {
        var schema = SchemaRoots.Schema;
        ((IComplexGraphType)schema.AllTypes["MyEpisode"]!).Fields.Select(f => f.Name)
            .ShouldBe(["id", "version", "status", "startedOn", "dischargedOn", "condition", "bodyRegion", "exercises"]);
        ((IComplexGraphType)schema.AllTypes["MyExercise"]!).Fields.Select(f => f.Name)
            .ShouldBe(["id", "name", "category", "dosage", "instructions", "precautions", "dosageSince"]);
    }

    [Fact]
    public async Task the_patient_logs_a_home_exercise_on_their_own_episode_as_patient()
    {
        var version = (await GraphQL(LogHome, HomeLog(_world.A), Maria)).Ok()["logHomeExercise"]!["version"]!.GetValue<long>();
        version.ShouldBe(_world.A.Version + 1);

        await using var session = Fixture.Store.QuerySession();
        var logged = (await session.Events.FetchStreamAsync(_world.A.EpisodeId)).Last().Data.ShouldBeOfType<HomeExerciseLogged>();
        logged.ReportedBy.ShouldBe(HomeLogReporter.Patient);
        logged.By.Role.ShouldBe("patient");
        logged.By.Id.ShouldBe(TestTokens.Patient(_world.A.PatientId).Subject);
    }

    [Fact]
    public async Task a_patient_cannot_log_as_a_therapist()
    {
        var before = await EventCount();
        var response = await GraphQL(LogHome, HomeLog(_world.A, reportedBy: "THERAPIST"), Maria);
        response.ErrorCode.ShouldBe("VALIDATION_FAILED");
        response.ErrorField.ShouldBe("input.reportedBy");
        (await EventCount()).ShouldBe(before);
    }

    [Fact]
    public async Task another_patients_episode_in_the_same_clinic_is_not_found()
    {
        var neighbour = await SecurityApi.Episode(Host, _world.A.ClinicId, _world.A.TherapistId,
            await Host.RegisterPatient(_world.A.ClinicId, "Neighbour"), Today);
        var before = await Host.ClinicalEventCount();

        var response = await GraphQL(LogHome, HomeLog(neighbour), Maria);

        response.ErrorCode.ShouldBe("NOT_FOUND");
        response.ErrorMessage.ShouldBe($"No episode with id {neighbour.EpisodeId} exists.");
        (await Host.ClinicalEventCount()).ShouldBe(before);
    }

    [Fact]
    public async Task the_clinical_record_itself_is_not_the_patients_to_read()
    {
        var response = await GraphQL($$"""{ episode(id: "{{_world.A.EpisodeId}}") { sessions { edges { node { note } } } } }""", headers: Maria);
        response.Status.ShouldBe(HttpStatusCode.Forbidden);
        response.ErrorCode.ShouldBe("FORBIDDEN");
    }
}
