using System.Net;
using Alba;
using Marten.Events;
using System.Text.Json.Nodes;
using RehabLedger.Security;
using RehabLedger.Tests.Support;

namespace RehabLedger.Tests.Security;

/// <summary>
/// A user of one clinic never reaches another's records: not by id, not through lists or filters, not through
/// nested fields, not by hiding a field in a fragment.
/// </summary>
public sealed class when_isolating_clinics(AppFixture fixture) : AppScenario(fixture)
{
    private SecurityWorld _world = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _world = await SecurityWorld.Seed(Host, Today);
    }

    private Dictionary<string, string> As(Who caller) => _world.Headers(Host, caller).ToDictionary();

    /// <summary>Every clinic id an answer mentions: <c>clinicId</c> values and the ids of <c>clinic</c> objects.</summary>
    private static IEnumerable<Guid> ClinicIds(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => p.Key switch
        {
            "clinicId" when p.Value is JsonValue v => [Guid.Parse(v.GetValue<string>())],
            "clinic" when p.Value is JsonObject c => [ClinicalApi.IdOf(c), .. ClinicIds(c)],
            _ => ClinicIds(p.Value),
        }),
        JsonArray a => a.SelectMany(ClinicIds),
        _ => [],
    };

    [Fact]
    public async Task nested_fields_only_follow_references_within_the_clinic()
    {
        var a = _world.A;
        await Host.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));
        var data = (await GraphQL($$"""
            {
              clinic(id: "{{a.ClinicId}}") { id therapists { clinicId } }
              patient(id: "{{a.PatientId}}") { clinic { id } episodes { clinic { id } therapist { clinicId } patient { clinic { id } } } }
              episode(id: "{{a.EpisodeId}}") { clinic { id therapists { clinicId } } therapist { clinicId } patient { clinic { id } episodes { clinic { id } } } }
              caseload(clinicId: "{{a.ClinicId}}") { edges { node { therapist { clinicId } patient { clinic { id } } episode { clinic { id } } } } }
            }
            """, headers: As(Who.Therapist))).Ok();

        var mentioned = ClinicIds(data).ToList();
        mentioned.Count.ShouldBeGreaterThan(10);
        mentioned.ShouldAllBe(id => id == a.ClinicId);
    }

    [Fact]
    public async Task a_foreign_id_reads_exactly_like_an_unknown_one()
    {
        foreach (var (field, id) in new[] { ("clinic", _world.B.ClinicId), ("patient", _world.B.PatientId), ("episode", _world.B.EpisodeId) })
        {
            var foreign = await GraphQL($$"""{ {{field}}(id: "{{id}}") { id } }""", headers: As(Who.Auditor));
            var unknown = await GraphQL($$"""{ {{field}}(id: "{{Guid.NewGuid()}}") { id } }""", headers: As(Who.Auditor));
            foreign.Body.ToJsonString().ShouldBe("""{"data":{"FIELD":null}}""".Replace("FIELD", field));
            unknown.Body.ToJsonString().ShouldBe(foreign.Body.ToJsonString());
        }
    }

    [Fact]
    public async Task a_clinic_argument_outside_ones_clinics_is_forbidden_whether_or_not_it_exists()
    {
        foreach (var clinicId in new[] { _world.B.ClinicId, Guid.NewGuid() })
        {
            var response = await GraphQL($$"""{ caseload(clinicId: "{{clinicId}}") { totalCount } }""", headers: As(Who.ClinicAdmin));
            response.ErrorCode.ShouldBe("FORBIDDEN");
            response.ErrorField.ShouldBe("clinicId");
            response.ErrorMessage.ShouldBe($"clinicId {clinicId} is not a clinic you may do this in.");
        }
    }

    [Fact]
    public async Task a_user_of_two_clinics_reaches_both_and_no_third()
    {
        var c = await SecurityApi.Clinic(Host, "Cypress PT", Today);
        var both = Host.As(new TokenClaims("t-2", "Two-clinic therapist", Roles.Therapist, [_world.A.ClinicId, _world.B.ClinicId]));

        (await GraphQL("{ clinics { id } }", headers: both)).Ok()["clinics"].Ids().ShouldBe([_world.A.ClinicId, _world.B.ClinicId], ignoreOrder: true);
        (await GraphQL($$"""{ episode(id: "{{_world.B.EpisodeId}}") { id } }""", headers: both)).Ok()["episode"].ShouldNotBeNull();
        (await GraphQL($$"""{ episode(id: "{{c.EpisodeId}}") { id } }""", headers: both)).Ok()["episode"].ShouldBeNull();
    }

    [Theory]
    [InlineData("query { ...Log } fragment Log on Query { accessLog { totalCount } }")]
    [InlineData("query { ... on Query { accessLog { totalCount } } }")]
    [InlineData("query { ... { accessLog { totalCount } } }")]
    [InlineData("query { measures: outcomeMeasures { code } log: accessLog { totalCount } }")]
    [InlineData("query($skip: Boolean = true) { outcomeMeasures { code } accessLog @skip(if: $skip) { totalCount } }")]
    [InlineData("query { outcomeMeasures { code } ...Nested } fragment Nested on Query { ...Log } fragment Log on Query { accessLog { totalCount } }")]
    public async Task a_refused_field_is_found_wherever_the_document_puts_it(string document)
    {
        var response = await GraphQL(document, headers: As(Who.Therapist));
        response.Status.ShouldBe(HttpStatusCode.Forbidden);
        response.ErrorCode.ShouldBe("FORBIDDEN");
        response.ErrorMessage.ShouldBe("The role therapist may not use Query.accessLog.");
        response.Body.AsObject().ContainsKey("data").ShouldBeFalse("nothing runs when any field is refused");
    }

    [Fact]
    public async Task only_the_operation_that_runs_is_checked()
    {
        const string document = "query Catalog { outcomeMeasures { code } } query Log { accessLog { totalCount } }";
        var catalog = await Host.GraphQLOperation(document, "Catalog", TestTokens.Anonymous.ToDictionary());
        catalog.Ok()["outcomeMeasures"]!.AsArray().ShouldNotBeEmpty();
        var log = await Host.GraphQLOperation(document, "Log", TestTokens.Anonymous.ToDictionary());
        log.Status.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task a_type_is_refused_through_whatever_field_returns_it()
    {
        // The patient may log a home exercise, but the payload's episode is a clinic record: the whole request is refused.
        var a = _world.A;
        var before = await Host.ClinicalEventCount();
        var response = await GraphQL("""
            mutation($input: LogHomeExerciseInput!) { logHomeExercise(input: $input) { version episode { sessions { edges { node { note } } } } } }
            """, new { input = new { episodeId = a.EpisodeId, expectedVersion = a.Version, date = Today.ToString("yyyy-MM-dd"), exerciseId = a.ExerciseId, sets = 2, reportedBy = "PATIENT" } },
            As(Who.Patient));

        response.Status.ShouldBe(HttpStatusCode.Forbidden);
        response.ErrorMessage.ShouldBe("The role patient may not read Episode (through EpisodePayload.episode).");
        (await Host.ClinicalEventCount()).ShouldBe(before);
    }

    [Fact]
    public async Task lists_hold_only_ones_own_clinics()
    {
        (await GraphQL("{ clinics { id } }", headers: As(Who.Auditor))).Ok()["clinics"].Ids().ShouldBe([_world.A.ClinicId]);
        (await GraphQL("{ clinics { id } }")).Ok()["clinics"].Ids().ShouldBe([_world.A.ClinicId, _world.B.ClinicId], ignoreOrder: true);
    }

    [Fact]
    public async Task a_document_one_caller_was_allowed_is_checked_again_for_the_next()
    {
        // The service keeps validated documents by their text; the authorization rule runs on a kept one as well.
        var document = $"{{ accessLog(first: 3) {{ totalCount }} }} # {Guid.NewGuid()}";
        (await GraphQL(document)).Ok();
        (await GraphQL(document)).Ok();

        var response = await GraphQL(document, headers: As(Who.Therapist));
        response.Status.ShouldBe(HttpStatusCode.Forbidden);
        response.ErrorCode.ShouldBe("FORBIDDEN");
    }

    [Fact]
    public async Task the_audit_trail_holds_only_the_streams_of_ones_clinics()
    {
        var a = _world.A;
        var edges = (await GraphQL("{ auditTrail(first: 100) { edges { node { streamId } } } }", headers: As(Who.Auditor)))
            .Ok()["auditTrail"]!["edges"]!.AsArray();
        var streams = edges.Select(e => Guid.Parse(e!["node"]!["streamId"]!.GetValue<string>())).Distinct().ToList();

        streams.ShouldContain(a.EpisodeId);
        streams.ShouldAllBe(id => id == a.ClinicId || id == a.TherapistId || id == a.PatientId || id == a.EpisodeId);
        (await GraphQL("{ auditTrail(first: 100) { edges { node { streamId } } } }")).Ok()["auditTrail"]!["edges"]!.AsArray()
            .Select(e => Guid.Parse(e!["node"]!["streamId"]!.GetValue<string>())).ShouldContain(_world.B.EpisodeId);
    }
}
