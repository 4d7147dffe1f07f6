using RehabLedger.Tests.Support;

namespace RehabLedger.Tests.Episodes;

public sealed class when_opening_an_episode(AppFixture fixture) : AppScenario(fixture)
{
    [Fact]
    public async Task the_patient_and_episode_read_back_from_the_projections()
    {
        var e = await Host.OpenEpisode(Today.AddDays(-3));
        e.Version.ShouldBe(1);

        var data = (await GraphQL($$"""
            {
              patient(id: "{{e.PatientId}}") {
                familyName birthDate sex clinic { name }
                episodes { id status startedOn condition { icd10Code bodyRegion } coverage { payerId memberId }
                           therapist { displayName } assessments { id } measures { code } }
              }
            }
            """)).Ok();

        var patient = data["patient"]!;
        patient["familyName"]!.GetValue<string>().ShouldBe("Rivera");
        patient["sex"]!.GetValue<string>().ShouldBe("FEMALE");
        patient["clinic"]!["name"]!.GetValue<string>().ShouldBe("Harbor Physical Therapy");
        var episode = patient["episodes"]!.AsArray().ShouldHaveSingleItem()!;
        ClinicalApi.IdOf(episode).ShouldBe(e.EpisodeId);
        episode["status"]!.GetValue<string>().ShouldBe("ACTIVE");
        episode["startedOn"]!.GetValue<string>().ShouldBe(Today.AddDays(-3).ToString("yyyy-MM-dd"));
        episode["condition"]!["icd10Code"]!.GetValue<string>().ShouldBe("M17.11");
        episode["coverage"]!["memberId"]!.GetValue<string>().ShouldBe("W123456789");
        episode["therapist"]!["displayName"]!.GetValue<string>().ShouldBe("Robin Ames");
        episode["assessments"]!.AsArray().ShouldBeEmpty();
    }

    [Fact]
    public async Task an_unknown_patient_is_not_found_and_nothing_is_written()
    {
        var clinicId = await Host.RegisterClinic();
        var therapistId = await Host.RegisterTherapist(clinicId);
        var before = await EventCount();

        var response = await GraphQL(ClinicalApi.OpenEpisodeMutation,
            new { input = ClinicalApi.OpenEpisodeInput(clinicId, therapistId, Guid.NewGuid(), Today) });

        response.ErrorCode.ShouldBe("NOT_FOUND");
        response.ErrorField.ShouldBe("input.patientId");
        (await EventCount()).ShouldBe(before);
    }

    [Fact]
    public async Task a_therapist_of_another_clinic_is_answered_like_an_unknown_one()
    {
        var clinicId = await Host.RegisterClinic();
        var patientId = await Host.RegisterPatient(clinicId);
        var stranger = await Host.RegisterTherapist(await Host.RegisterClinic("Other PT"));

        var response = await GraphQL(ClinicalApi.OpenEpisodeMutation,
            new { input = ClinicalApi.OpenEpisodeInput(clinicId, stranger, patientId, Today) });

        response.ErrorCode.ShouldBe("NOT_FOUND");
        response.ErrorField.ShouldBe("input.therapistId");
        response.ErrorMessage.ShouldBe($"No therapist with id {stranger} exists.");
    }

    [Fact]
    public async Task a_patient_of_another_clinic_is_answered_like_an_unknown_one()
    {
        var clinicId = await Host.RegisterClinic();
        var therapistId = await Host.RegisterTherapist(clinicId);
        var stranger = await Host.RegisterPatient(await Host.RegisterClinic("Other PT"));

        var response = await GraphQL(ClinicalApi.OpenEpisodeMutation,
            new { input = ClinicalApi.OpenEpisodeInput(clinicId, therapistId, stranger, Today) });

        response.ErrorCode.ShouldBe("NOT_FOUND");
        response.ErrorField.ShouldBe("input.patientId");
        response.ErrorMessage.ShouldBe($"No patient with id {stranger} exists.");
    }

    [Fact]
    public async Task a_malformed_icd10_code_is_refused()
    {
        var clinicId = await Host.RegisterClinic();
        var therapistId = await Host.RegisterTherapist(clinicId);
        var patientId = await Host.RegisterPatient(clinicId);
        var input = new
        {
            patientId, clinicId, therapistId,
            condition = new { icd10Code = "knee pain", description = "Knee pain", bodyRegion = "knee" },
            startedOn = Today.ToString("yyyy-MM-dd"),
        };

        var response = await GraphQL(ClinicalApi.OpenEpisodeMutation, new { input });

        response.ErrorCode.ShouldBe("VALIDATION_FAILED");
        response.ErrorField.ShouldBe("input.condition.icd10Code");
    }

    [Fact]
    public async Task a_retry_with_the_same_client_id_is_a_conflict_not_a_second_episode()
    {
        var clinicId = await Host.RegisterClinic();
        var therapistId = await Host.RegisterTherapist(clinicId);
        var patientId = await Host.RegisterPatient(clinicId);
        var id = Guid.NewGuid();
        var input = new Dictionary<string, object?>
        {
            ["id"] = id, ["patientId"] = patientId, ["clinicId"] = clinicId, ["therapistId"] = therapistId,
            ["condition"] = new { icd10Code = "M54.50", description = "Low back pain", bodyRegion = "lumbar spine" },
            ["startedOn"] = Today.ToString("yyyy-MM-dd"),
        };

        (await GraphQL(ClinicalApi.OpenEpisodeMutation, new { input })).Ok();
        var retry = await GraphQL(ClinicalApi.OpenEpisodeMutation, new { input });

        retry.ErrorCode.ShouldBe("CONFLICT");
        var episodes = (await GraphQL($$"""{ patient(id: "{{patientId}}") { episodes { id } } }""")).Ok();
        episodes["patient"]!["episodes"]!.AsArray().ShouldHaveSingleItem();
    }
}
