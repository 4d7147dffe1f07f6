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
/// A record of a refusal shows each clinic only what it already knew. The caller's clinic sees that its staff member
/// named an id and was refused, exactly as for an id nobody has; the clinic whose record it was sees that someone from
/// outside tried (their role, an insurer's payer), but not who.
/// </summary>
public sealed class when_recording_a_refusal(AppFixture fixture) : AppScenario(fixture)
{
    private const string Log = """
        query($filter: AccessLogFilter) { accessLog(filter: $filter, first: 100) { totalCount edges { node {
          actorId actorRole actorName payer operation requestedId clinicId patientId episodeId outcome reason } } } }
        """;

    private SecurityWorld _world = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _world = await SecurityWorld.Seed(Host, Today);
    }

    private Dictionary<string, string> Therapist => _world.Headers(Host, Who.Therapist).ToDictionary();

    private async Task<List<JsonObject>> AccessLog(Dictionary<string, string> auditor, object? filter = null)
    {
        await Host.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));
        return (await GraphQL(Log, new { filter }, auditor)).Ok()["accessLog"]!["edges"]!.AsArray()
            .Select(e => e!["node"]!.AsObject()).ToList();
    }

    [Fact]
    public async Task the_callers_clinic_sees_the_id_sent_and_nothing_of_whose_record_it_is_as_for_an_unknown_id()
    {
        var unknown = Guid.NewGuid();
        (await GraphQL($$"""{ episode(id: "{{_world.B.EpisodeId}}") { id } }""", headers: Therapist)).Ok();
        (await GraphQL($$"""{ episode(id: "{{unknown}}") { id } }""", headers: Therapist)).Ok();

        var records = await AccessLog(_world.Headers(Host, Who.Auditor).ToDictionary());

        records.Count.ShouldBe(2);
        records.Select(r => Guid.Parse(r["requestedId"]!.GetValue<string>())).ShouldBe([unknown, _world.B.EpisodeId]);
        foreach (var record in records)
        {
            (record["clinicId"], record["patientId"], record["episodeId"]).ShouldBe((null, null, null));
            record["reason"]!.GetValue<string>().ShouldBe(DisclosureLog.OutOfReach);
            record["actorRole"]!.GetValue<string>().ShouldBe(Roles.Therapist);
        }
        records[0].Remove("requestedId");
        records[1].Remove("requestedId");
        records[0].ToJsonString().ShouldBe(records[1].ToJsonString(), "another clinic's id must read like one nobody has");
    }

    [Fact]
    public async Task the_callers_clinic_cannot_find_the_other_clinics_patient_or_episode_through_filters()
    {
        (await GraphQL($$"""{ episode(id: "{{_world.B.EpisodeId}}") { id } }""", headers: Therapist)).Ok();
        var auditor = _world.Headers(Host, Who.Auditor).ToDictionary();

        (await AccessLog(auditor)).Count.ShouldBe(1);
        (await AccessLog(auditor, new { patientId = _world.B.PatientId })).ShouldBeEmpty();
        (await AccessLog(auditor, new { episodeId = _world.B.EpisodeId })).ShouldBeEmpty();
    }

    [Fact]
    public async Task the_records_clinic_sees_the_attempt_on_its_record_but_not_who_made_it()
    {
        (await GraphQL($$"""{ episode(id: "{{_world.B.EpisodeId}}") { id } }""", headers: Therapist)).Ok();
        (await GraphQL($$"""{ episode(id: "{{Guid.NewGuid()}}") { id } }""", headers: Therapist)).Ok();

        var records = await AccessLog(Host.As(TestTokens.Auditor(_world.B.ClinicId)));

        var record = records.ShouldHaveSingleItem();
        (record["actorId"], record["actorName"]).ShouldBe((null, null));
        record["actorRole"]!.GetValue<string>().ShouldBe(Roles.Therapist);
        record["clinicId"]!.GetValue<string>().ShouldBe(_world.B.ClinicId.ToString());
        record["patientId"]!.GetValue<string>().ShouldBe(_world.B.PatientId.ToString());
        record["episodeId"]!.GetValue<string>().ShouldBe(_world.B.EpisodeId.ToString());
        record["outcome"]!.GetValue<string>().ShouldBe("DENIED");

        var disclosures = (await GraphQL($$"""{ disclosures(patientId: "{{_world.B.PatientId}}") { edges { node { actorId actorRole operation } } } }""",
            headers: Host.As(TestTokens.ClinicAdmin(_world.B.ClinicId)))).Ok()["disclosures"]!["edges"]!.AsArray();
        disclosures.ShouldHaveSingleItem()!["node"]!["actorId"].ShouldBeNull();
    }

    [Fact]
    public async Task an_insurer_refused_on_a_record_is_known_to_its_clinic_by_role_and_payer()
    {
        (await GraphQL($$"""{ outcomeHistory(episodeId: "{{_world.B.EpisodeId}}") { episodeId } }""", headers: Host.As(TestTokens.Insurer("aetna"))))
            .Ok()["outcomeHistory"].ShouldBeNull();

        var record = (await AccessLog(Host.As(TestTokens.Auditor(_world.B.ClinicId)))).ShouldHaveSingleItem();

        (record["actorRole"]!.GetValue<string>(), record["payer"]!.GetValue<string>()).ShouldBe((Roles.Insurer, "aetna"));
        record["actorId"].ShouldBeNull();
    }
}
