using RehabLedger.Tests.Support;

namespace RehabLedger.Tests.Patients;

public sealed class when_registering_a_patient(AppFixture fixture) : AppScenario(fixture)
{
    private const string Register = """
        mutation($input: RegisterPatientInput!) { registerPatient(input: $input) { version patient { id familyName givenName } } }
        """;

    [Fact]
    public async Task the_patient_is_answered_with_version_one()
    {
        var clinicId = await Host.RegisterClinic();
        var data = (await GraphQL(Register, new
        {
            input = new { clinicId, familyName = "Osei", givenName = "Kwame", birthDate = "1970-02-28", sex = "MALE", medicalRecordNumber = "MRN-0042" },
        })).Ok()["registerPatient"]!;

        data["version"]!.GetValue<long>().ShouldBe(1);
        data["patient"]!["familyName"]!.GetValue<string>().ShouldBe("Osei");
    }

    [Fact]
    public async Task hostile_text_is_stored_verbatim_and_never_interpreted()
    {
        var clinicId = await Host.RegisterClinic();
        const string hostile = "Robert'); DROP TABLE patients;-- <script>alert(1)</script>";
        var data = (await GraphQL(Register, new
        {
            input = new { clinicId, familyName = hostile, givenName = "Ann", birthDate = "1970-02-28", sex = "FEMALE" },
        })).Ok()["registerPatient"]!;

        var id = ClinicalApi.IdOf(data["patient"]!);
        var read = (await GraphQL($$"""{ patient(id: "{{id}}") { familyName } }""")).Ok();
        read["patient"]!["familyName"]!.GetValue<string>().ShouldBe(hostile);
    }

    [Theory]
    [InlineData("", "Ann", "1970-02-28", "input.familyName")]
    [InlineData("Osei", "   ", "1970-02-28", "input.givenName")]
    [InlineData("Osei", "Ann", "2026-03-19", "input.birthDate")]
    [InlineData("Osei", "Ann", "1850-01-01", "input.birthDate")]
    public async Task invalid_demographics_are_refused_and_nothing_is_written(string family, string given, string birthDate, string field)
    {
        var clinicId = await Host.RegisterClinic();
        var before = await EventCount();

        var response = await GraphQL(Register, new
        {
            input = new { clinicId, familyName = family, givenName = given, birthDate, sex = "FEMALE" },
        });

        response.ErrorCode.ShouldBe("VALIDATION_FAILED");
        response.ErrorField.ShouldBe(field);
        (await EventCount()).ShouldBe(before);
    }

    [Fact]
    public async Task an_unknown_clinic_is_not_found()
    {
        var response = await GraphQL(Register, new
        {
            input = new { clinicId = Guid.NewGuid(), familyName = "Osei", givenName = "Ann", birthDate = "1970-02-28", sex = "FEMALE" },
        });
        response.ErrorCode.ShouldBe("NOT_FOUND");
        response.ErrorField.ShouldBe("input.clinicId");
    }

    [Fact]
    public async Task an_unknown_patient_reads_as_null()
    {
        var data = (await GraphQL($$"""{ patient(id: "{{Guid.NewGuid()}}") { id } }""")).Ok();
        data["patient"].ShouldBeNull();
    }
}
