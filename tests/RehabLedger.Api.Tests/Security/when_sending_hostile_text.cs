using System.Net;
using RehabLedger.Common;
using RehabLedger.Security;
using RehabLedger.Tests.Support;

namespace RehabLedger.Tests.Security;

/// <summary>
/// Text is data: SQL fragments, markup and odd characters are stored and answered verbatim (JSON-escaped, never
/// interpreted), and text longer than its field's limit is refused, not cut.
/// </summary>
public sealed class when_sending_hostile_text(AppFixture fixture) : AppScenario(fixture)
{
    public static IEnumerable<object[]> Hostile() => new[]
    {
        "Robert'); DROP TABLE rehabledger.mt_events;--",
        "' OR '1'='1' --",
        "1; SELECT pg_sleep(10)",
        "$1 $$ ::jsonb ->> 'data'",
        "<script>alert(document.cookie)</script>",
        "<img src=x onerror=alert(1)>",
        "{{7*7}} ${7*7} #{7*7}",
        "\"},{\"injected\":true,\"x\":\"",
        "\\u0000 is not a NUL, \\ is a backslash",
        "Zoë Ñúñez \u202Eevil\u202C 🦵 \u200B",
    }.Select(s => new object[] { s });

    [Theory]
    [MemberData(nameof(Hostile))]
    public async Task free_text_is_stored_and_answered_verbatim(string text)
    {
        var e = await Host.OpenEpisode(Today.AddDays(-5));
        var patient = (await GraphQL("mutation($input: RegisterPatientInput!) { registerPatient(input: $input) { patient { id familyName } } }",
            new { input = new { clinicId = e.ClinicId, familyName = text, givenName = "Ana", birthDate = "1961-05-04", sex = "FEMALE" } }))
            .Ok()["registerPatient"]!["patient"]!;
        patient["familyName"]!.GetValue<string>().ShouldBe(text.Trim());

        var assessed = (await GraphQL(ClinicalApi.RecordAssessmentMutation.Replace("assessments { id kind effectiveOn }", "assessments { findings }"),
            new { input = ClinicalApi.AssessmentInput(e, e.Version, Today, findings: text) })).Ok()["recordAssessment"]!;
        assessed["episode"]!["assessments"]![0]!["findings"]!.GetValue<string>().ShouldBe(text.Trim());

        var read = (await GraphQL($$"""{ patient(id: "{{ClinicalApi.IdOf(patient)}}") { familyName } }""")).Ok();
        read["patient"]!["familyName"]!.GetValue<string>().ShouldBe(text.Trim());
        // Six clinical events and the access record of the read of the patient: the event store is still there.
        (await EventCount()).ShouldBe(7, "and the event store is still there");
    }

    [Fact]
    public async Task a_hundred_kilobytes_of_text_is_refused_by_the_fields_limit_and_nothing_is_written()
    {
        var e = await Host.OpenEpisode(Today.AddDays(-5));
        var huge = string.Concat(Enumerable.Repeat("<script>x</script>'; DROP TABLE x;--", 100 * 1024 / 36 + 1));
        huge.Length.ShouldBeGreaterThan(100 * 1024);
        var before = await EventCount();

        var findings = await GraphQL(ClinicalApi.RecordAssessmentMutation, new { input = ClinicalApi.AssessmentInput(e, e.Version, Today, findings: huge) });
        findings.ErrorCode.ShouldBe("VALIDATION_FAILED");
        findings.ErrorField.ShouldBe("input.findings");
        findings.ErrorMessage.ShouldBe($"input.findings is {huge.Length} characters long; at most {Validate.LongText} are accepted.");

        var name = await GraphQL("mutation($input: RegisterClinicInput!) { registerClinic(input: $input) { version } }", new { input = new { name = huge } });
        name.ErrorField.ShouldBe("input.name");

        (await EventCount()).ShouldBe(before);
    }

    [Theory]
    [MemberData(nameof(Hostile))]
    public async Task hostile_filters_and_arguments_match_nothing_and_run_nothing(string text)
    {
        var log = await GraphQL("query($actor: String) { accessLog(filter: { actorId: $actor }) { totalCount } }", new { actor = text });
        log.Ok()["accessLog"]!["totalCount"]!.GetValue<int>().ShouldBe(0);

        var histories = await GraphQL("""query($payer: String!) { outcomeHistories(payerId: $payer, from: "2026-01-01", to: "2026-03-18") { totalCount } }""",
            new { payer = text });
        histories.Ok()["outcomeHistories"]!["totalCount"]!.GetValue<int>().ShouldBe(0);

        var cursor = await GraphQL("query($after: String) { accessLog(after: $after) { totalCount } }", new { after = text });
        cursor.ErrorCode.ShouldBe("VALIDATION_FAILED");
        cursor.ErrorField.ShouldBe("after");

        var id = await GraphQL("query($id: ID!) { episode(id: $id) { id } }", new { id = text });
        id.Status.ShouldBe(HttpStatusCode.BadRequest, "an id that is no GUID is refused before anything runs");
        id.ErrorCode.ShouldBe("INVALID_VALUE");
    }

    [Fact]
    public async Task a_hostile_display_name_in_a_token_is_recorded_verbatim_as_the_actor()
    {
        const string name = "<script>alert(1)</script>'; DROP TABLE mt_events;--";
        var answer = await GraphQL("mutation { registerClinic(input: { name: \"Hazel PT\" }) { clinic { id } } }",
            headers: Host.As(new TokenClaims("u-1", name, Roles.PlatformAdmin)));
        var clinicId = ClinicalApi.IdOf(answer.Ok()["registerClinic"]!["clinic"]!);

        await using var session = Fixture.Store.QuerySession();
        var registered = (await session.Events.FetchStreamAsync(clinicId)).Single();
        registered.Data.ShouldBeOfType<RehabLedger.Clinics.ClinicRegistered>().By.DisplayName.ShouldBe(name);
        registered.Headers!["actor-name"]!.ToString().ShouldBe(name);
    }

    [Fact]
    public async Task an_id_written_into_the_document_that_is_no_guid_is_refused_before_anything_runs()
    {
        var response = await GraphQL("{ episode(id: \"1' OR '1'='1\") { id } }");
        response.Status.ShouldBe(HttpStatusCode.BadRequest);
        response.ErrorCode.ShouldBe("ARGUMENTS_OF_CORRECT_TYPE");
    }
}
