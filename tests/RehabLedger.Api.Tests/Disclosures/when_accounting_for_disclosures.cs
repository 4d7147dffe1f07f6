using System.Text.Json.Nodes;
using Alba;
using JasperFx.Events;
using Marten;
using Marten.Events;
using RehabLedger.Disclosures;
using RehabLedger.Security;
using RehabLedger.Tests.Support;

namespace RehabLedger.Tests.Disclosures;

/// <summary>
/// Every read of patient data, whoever reads it, and every refused attempt by anyone with an identity, leaves exactly
/// one access event, in a stream of the request's own: never the patient's, never one shared log.
/// Auditors list their clinics' records; a patient and their clinic's administrators list the patient's disclosures.
/// </summary>
public sealed class when_accounting_for_disclosures(AppFixture fixture) : AppScenario(fixture)
{
    private SecurityWorld _world = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _world = await SecurityWorld.Seed(Host, Today);
    }

    private async Task<List<IEvent>> Disclosures()
    {
        await using var session = Fixture.Store.QuerySession();
        return (await session.Events.QueryAllRawEvents().Where(e => e.EventTypeName == "disclosure_recorded").ToListAsync()).ToList();
    }

    private static DisclosureRecorded Single(List<IEvent> records, out IEvent e)
    {
        records.Count.ShouldBe(1, string.Join(", ", records.Select(r => ((DisclosureRecorded)r.Data).Operation)));
        e = records[0];
        return (DisclosureRecorded)e.Data;
    }

    [Fact]
    public async Task an_insurers_read_leaves_exactly_one_record_in_a_stream_of_its_own()
    {
        var a = _world.A;
        (await GraphQL($$"""{ outcomeHistory(episodeId: "{{a.EpisodeId}}") { episodeId } }""", headers: Host.As(TestTokens.Insurer("aetna"))))
            .Ok()["outcomeHistory"].ShouldNotBeNull();

        var record = Single(await Disclosures(), out var e);
        e.StreamId.ShouldNotBe(a.PatientId);
        e.StreamId.ShouldNotBe(DisclosureLog.AccessLogStreamId);
        e.Version.ShouldBe(1, "the request's accounting started the stream");
        record.Outcome.ShouldBe(DisclosureOutcome.Granted);
        record.Operation.ShouldBe("Query.outcomeHistory");
        (record.By.Role, record.Payer, record.PatientId, record.EpisodeId, record.ClinicId).ShouldBe((Roles.Insurer, "aetna", a.PatientId, a.EpisodeId, a.ClinicId));
        record.At.ShouldBe(AppFixture.Now);
        e.CorrelationId.ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task a_refused_attempt_leaves_exactly_one_record()
    {
        var b = _world.B;
        (await GraphQL($$"""{ episode(id: "{{b.EpisodeId}}") { id } }""", headers: _world.Headers(Host, Who.Therapist).ToDictionary()))
            .Ok()["episode"].ShouldBeNull();

        var record = Single(await Disclosures(), out var e);
        e.StreamId.ShouldNotBe(b.PatientId, "a read never appends to the patient's stream");
        record.Outcome.ShouldBe(DisclosureOutcome.Denied);
        (record.Operation, record.RequestedId, record.ClinicId, record.EpisodeId).ShouldBe(("Query.episode", b.EpisodeId, b.ClinicId, b.EpisodeId));
        record.ActorClinics.ShouldBe([_world.A.ClinicId]);
        record.Reason.ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task a_refused_operation_without_a_patient_is_recorded_in_a_stream_of_its_own()
    {
        (await GraphQL("{ accessLog { totalCount } }", headers: _world.Headers(Host, Who.Patient).ToDictionary())).ErrorCode.ShouldBe("FORBIDDEN");

        var record = Single(await Disclosures(), out var e);
        e.StreamId.ShouldNotBe(DisclosureLog.AccessLogStreamId);
        (record.Operation, record.Outcome, record.By.Role).ShouldBe(("Query.accessLog", DisclosureOutcome.Denied, Roles.Patient));
    }

    [Fact]
    public async Task every_roles_reads_of_patient_data_are_recorded_one_append_per_request()
    {
        var a = _world.A;
        var query = $$"""{ patient(id: "{{a.PatientId}}") { id episodes { id } } episode(id: "{{a.EpisodeId}}") { id } }""";
        var readers = new[] { Who.Therapist, Who.ClinicAdmin, Who.Auditor, Who.PlatformAdmin };
        foreach (var reader in readers)
            (await GraphQL(query, headers: _world.Headers(Host, reader).ToDictionary())).Ok();

        var records = await Disclosures();
        records.Select(e => e.StreamId).Distinct().Count().ShouldBe(readers.Length, "one stream, one append, per request");
        records.Select(e => (DisclosureRecorded)e.Data).Select(r => (r.By.Role, r.Operation, r.Outcome, r.PatientId, r.EpisodeId)).ShouldBe(
            readers.Select(r => _world.Claims(r).Role).SelectMany(role => new[]
            {
                (role, "Query.patient", DisclosureOutcome.Granted, (Guid?)a.PatientId, (Guid?)null),
                (role, "Query.episode", DisclosureOutcome.Granted, (Guid?)a.PatientId, (Guid?)a.EpisodeId),
            }), ignoreOrder: true);
    }

    [Fact]
    public async Task a_therapists_episode_read_is_recorded_and_a_clinic_read_is_not()
    {
        var a = _world.A;
        var therapist = _world.Headers(Host, Who.Therapist).ToDictionary();
        (await GraphQL($$"""{ clinic(id: "{{a.ClinicId}}") { name therapists { id } } }""", headers: therapist)).Ok();
        (await Disclosures()).ShouldBeEmpty("a clinic's name and its therapists are not patient data");

        (await GraphQL($$"""{ episode(id: "{{a.EpisodeId}}") { id } }""", headers: therapist)).Ok()["episode"].ShouldNotBeNull();
        var record = Single(await Disclosures(), out var e);
        (record.By.Role, record.Operation, record.Outcome, record.PatientId, record.EpisodeId)
            .ShouldBe((Roles.Therapist, "Query.episode", DisclosureOutcome.Granted, (Guid?)a.PatientId, (Guid?)a.EpisodeId));
        e.StreamId.ShouldNotBe(a.PatientId);
    }

    [Fact]
    public async Task a_patients_reads_of_their_own_record_are_recorded()
    {
        var patient = _world.Headers(Host, Who.Patient).ToDictionary();
        (await GraphQL("{ myEpisodes { id } myConsents { version } }", headers: patient)).Ok();

        (await Disclosures()).Select(e => (DisclosureRecorded)e.Data).Select(r => (r.By.Role, r.Operation, r.PatientId)).ShouldBe(
            [(Roles.Patient, "Query.myEpisodes", _world.A.PatientId), (Roles.Patient, "Query.myConsents", _world.A.PatientId)], ignoreOrder: true);
    }

    [Fact]
    public async Task a_request_without_identity_writes_nothing()
    {
        var before = await EventCount();
        await GraphQL($$"""{ episode(id: "{{_world.A.EpisodeId}}") { id } }""", headers: TestTokens.Anonymous.ToDictionary());
        await GraphQL("{ clinics { id } }", headers: new Dictionary<string, string> { ["Authorization"] = "Bearer forged" });
        (await EventCount()).ShouldBe(before);
    }

    [Fact]
    public async Task the_fhir_export_is_accounted_for_like_the_graphql_read()
    {
        (await Host.Get($"/fhir/episodes/{_world.A.EpisodeId}/outcome-history", Host.Token(TestTokens.Insurer("aetna")))).Status.ShouldBe(200);
        Single(await Disclosures(), out _).Operation.ShouldBe("GET /fhir/episodes/{id}/outcome-history");

        (await Host.Get($"/fhir/episodes/{_world.B.EpisodeId}/outcome-history", Host.Token(TestTokens.Insurer("aetna")))).Status.ShouldBe(404);
        (await Disclosures()).Select(e => ((DisclosureRecorded)e.Data).Outcome).ShouldBe([DisclosureOutcome.Granted, DisclosureOutcome.Denied]);
    }

    [Fact]
    public async Task auditors_list_the_records_of_their_clinics_newest_first_page_by_page()
    {
        var aetna = Host.As(TestTokens.Insurer("aetna"));
        (await GraphQL($$"""{ outcomeHistory(episodeId: "{{_world.A.EpisodeId}}") { episodeId } }""", headers: aetna)).Ok();
        (await GraphQL($$"""{ outcomeHistory(episodeId: "{{_world.B.EpisodeId}}") { episodeId } }""", headers: aetna)).Ok();
        (await GraphQL($$"""{ episode(id: "{{_world.B.EpisodeId}}") { id } }""", headers: _world.Headers(Host, Who.Therapist).ToDictionary())).Ok();
        await Host.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));

        const string page = """
            query($after: String) { accessLog(first: 2, after: $after) {
              totalCount pageInfo { hasNextPage endCursor } edges { node { id operation outcome actorRole clinicId patientId payer } } } }
            """;
        var auditor = _world.Headers(Host, Who.Auditor).ToDictionary();
        var first = (await GraphQL(page, new { after = (string?)null }, auditor)).Ok()["accessLog"]!;
        // A's insurer read, and A's therapist refused on B (A's auditors see what their own staff were refused); not B's refused insurer read.
        first["totalCount"]!.GetValue<int>().ShouldBe(2);
        var nodes = first["edges"]!.AsArray().Select(e => e!["node"]!).ToList();
        nodes.Select(n => n["actorRole"]!.GetValue<string>()).ShouldBe([Roles.Therapist, Roles.Insurer]);
        first["pageInfo"]!["hasNextPage"]!.GetValue<bool>().ShouldBeFalse();

        // The platform administrator sees both sides of each refusal of another clinic's record: five records for three
        // accesses, each on a page of its own, none repeated or skipped though two share an event.
        var seen = new List<JsonNode>();
        string? after = null;
        do
        {
            var next = (await GraphQL(page.Replace("first: 2", "first: 1"), new { after })).Ok()["accessLog"]!;
            next["totalCount"]!.GetValue<int>().ShouldBe(5);
            seen.AddRange(next["edges"]!.AsArray().Select(e => e!["node"]!));
            after = next["pageInfo"]!["hasNextPage"]!.GetValue<bool>() ? next["pageInfo"]!["endCursor"]!.GetValue<string>() : null;
        } while (after is not null);
        seen.Select(n => n["id"]!.GetValue<string>()).Distinct().Count().ShouldBe(5);
        seen.Count(n => n["outcome"]!.GetValue<string>() == "DENIED" && n["payer"]?.GetValue<string>() == "aetna").ShouldBe(2);
    }

    [Fact]
    public async Task a_patient_lists_who_read_their_data()
    {
        var a = _world.A;
        (await GraphQL($$"""{ outcomeHistory(episodeId: "{{a.EpisodeId}}") { episodeId } }""", headers: Host.As(TestTokens.Insurer("aetna")))).Ok();
        await Host.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));

        var mine = (await GraphQL($$"""{ disclosures(patientId: "{{a.PatientId}}") { totalCount edges { node { actorName payer operation at } } } }""",
            headers: _world.Headers(Host, Who.Patient).ToDictionary())).Ok()["disclosures"]!;
        mine["totalCount"]!.GetValue<int>().ShouldBe(1);
        mine["edges"]![0]!["node"]!["payer"]!.GetValue<string>().ShouldBe("aetna");

        var someoneElses = await GraphQL($$"""{ disclosures(patientId: "{{_world.B.PatientId}}") { totalCount } }""",
            headers: _world.Headers(Host, Who.Patient).ToDictionary());
        someoneElses.Ok()["disclosures"].ShouldBeNull();
    }
}
