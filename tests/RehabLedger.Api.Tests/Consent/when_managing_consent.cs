using System.Net;
using RehabLedger.Consent;
using RehabLedger.Security;
using RehabLedger.Tests.Support;

namespace RehabLedger.Tests.Consent;

/// <summary>
/// A payer reads a patient's outcome histories only while the patient's consent for that payer is active: granting
/// and revoking are events on the patient's stream, and a revocation applies to the payer's very next request.
/// </summary>
public sealed class when_managing_consent(AppFixture fixture) : AppScenario(fixture)
{
    private const string Grant = "mutation($input: GrantConsentInput!) { grantConsent(input: $input) { version consents { payerId active grantedBy { id role } revokedAt revocationReason } } }";
    private const string Revoke = "mutation($input: RevokeConsentInput!) { revokeConsent(input: $input) { version consents { payerId active revokedBy { id } revocationReason } } }";
    private const string History = "query($id: ID!) { outcomeHistory(episodeId: $id) { episodeId } }";

    private ClinicRecords _a = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _a = await SecurityApi.Clinic(Host, "Alder Street PT", Today);
    }

    private Dictionary<string, string> Patient => Host.As(TestTokens.Patient(_a.PatientId));

    private Task<long> Version() => SecurityApi.PatientVersion(Host, _a.PatientId);
    private Dictionary<string, string> Aetna => Host.As(TestTokens.Insurer("aetna"));

    private async Task<bool> AetnaSeesTheHistory()
    {
        var one = (await GraphQL(History, new { id = _a.EpisodeId }, Aetna)).Ok()["outcomeHistory"];
        var fhir = (await Host.Get($"/fhir/episodes/{_a.EpisodeId}/outcome-history", Host.Token(TestTokens.Insurer("aetna")))).Status;
        var listed = (await GraphQL("""{ outcomeHistories(payerId: "aetna", from: "2026-01-01", to: "2026-12-31") { totalCount } }""", headers: Aetna))
            .Ok()["outcomeHistories"]!["totalCount"]!.GetValue<int>();
        (one is not null).ShouldBe(fhir == 200);
        (one is not null).ShouldBe(listed == 1);
        return one is not null;
    }

    [Fact]
    public async Task the_payer_reads_while_consent_is_active_and_is_refused_from_the_next_request_after_revocation()
    {
        (await AetnaSeesTheHistory()).ShouldBeFalse("no consent yet");

        var granted = (await GraphQL(Grant, new { input = new { patientId = _a.PatientId, expectedVersion = await Version(), payerId = "aetna" } }, Patient)).Ok()["grantConsent"]!;
        granted["consents"]![0]!["active"]!.GetValue<bool>().ShouldBeTrue();
        granted["consents"]![0]!["grantedBy"]!["role"]!.GetValue<string>().ShouldBe(Roles.Patient);
        (await AetnaSeesTheHistory()).ShouldBeTrue();

        var revoked = (await GraphQL(Revoke, new { input = new { patientId = _a.PatientId, expectedVersion = await Version(), payerId = "aetna", reason = "Changed insurer" } }, Patient))
            .Ok()["revokeConsent"]!;
        revoked["consents"]![0]!["active"]!.GetValue<bool>().ShouldBeFalse();
        revoked["consents"]![0]!["revocationReason"]!.GetValue<string>().ShouldBe("Changed insurer");
        (await AetnaSeesTheHistory()).ShouldBeFalse("revocation applies to the very next request");
    }

    [Fact]
    public async Task consent_for_one_payer_is_not_consent_for_another()
    {
        await SecurityApi.GrantConsent(Host, _a.PatientId, "bcbs");
        (await AetnaSeesTheHistory()).ShouldBeFalse();
        // And a payer who is consented to still sees only the episodes it covers (this one is covered by aetna).
        (await GraphQL(History, new { id = _a.EpisodeId }, Host.As(TestTokens.Insurer("bcbs")))).Ok()["outcomeHistory"].ShouldBeNull();
    }

    [Fact]
    public async Task both_are_events_on_the_patients_stream_attributed_to_whoever_acted()
    {
        var therapist = Host.As(TestTokens.Therapist(_a.ClinicId, _a.TherapistId.ToString()));
        (await GraphQL(Grant, new { input = new { patientId = _a.PatientId, expectedVersion = await Version(), payerId = "aetna" } }, therapist)).Ok();
        (await GraphQL(Revoke, new { input = new { patientId = _a.PatientId, expectedVersion = await Version(), payerId = "aetna" } }, Patient)).Ok();

        await using var session = Fixture.Store.QuerySession();
        var events = (await session.Events.FetchStreamAsync(_a.PatientId)).Select(e => e.Data).ToList();
        var grant = events.OfType<ConsentGranted>().Single();
        grant.PayerId.ShouldBe("aetna");
        grant.By.Id.ShouldBe(_a.TherapistId.ToString());
        events.OfType<ConsentRevoked>().Single().By.Role.ShouldBe(Roles.Patient);
    }

    [Fact]
    public async Task granting_twice_or_revoking_what_is_not_granted_is_a_conflict_and_writes_nothing()
    {
        await SecurityApi.GrantConsent(Host, _a.PatientId, "aetna");
        var before = await EventCount();

        var again = await GraphQL(Grant, new { input = new { patientId = _a.PatientId, expectedVersion = await Version(), payerId = "aetna" } });
        again.ErrorCode.ShouldBe("CONFLICT");
        var nothing = await GraphQL(Revoke, new { input = new { patientId = _a.PatientId, expectedVersion = await Version(), payerId = "cigna" } });
        nothing.ErrorCode.ShouldBe("CONFLICT");
        var blank = await GraphQL(Grant, new { input = new { patientId = _a.PatientId, expectedVersion = await Version(), payerId = " " } });
        blank.ErrorCode.ShouldBe("VALIDATION_FAILED");
        blank.ErrorField.ShouldBe("input.payerId");

        (await EventCount()).ShouldBe(before);
    }

    [Fact]
    public async Task a_patient_manages_only_their_own_consents()
    {
        var other = await Host.RegisterPatient(_a.ClinicId, "Other");
        var foreign = await GraphQL(Grant, new { input = new { patientId = other, expectedVersion = await Version(), payerId = "aetna" } }, Patient);
        var unknown = await GraphQL(Grant, new { input = new { patientId = Guid.NewGuid(), expectedVersion = await Version(), payerId = "aetna" } }, Patient);

        foreign.ErrorCode.ShouldBe("NOT_FOUND");
        foreign.ErrorField.ShouldBe("input.patientId");
        foreign.ErrorMessage.ShouldBe($"No patient with id {other} exists.");
        unknown.ErrorCode.ShouldBe("NOT_FOUND");
    }

    [Fact]
    public async Task the_patient_record_shows_its_consents_to_clinic_staff()
    {
        await SecurityApi.GrantConsent(Host, _a.PatientId, "aetna");
        var consents = (await GraphQL($$"""{ patient(id: "{{_a.PatientId}}") { consents { payerId active } } }""",
            headers: Host.As(TestTokens.ClinicAdmin(_a.ClinicId)))).Ok()["patient"]!["consents"]!.AsArray();
        consents.Single()!["payerId"]!.GetValue<string>().ShouldBe("aetna");
        (await GraphQL($$"""{ patient(id: "{{_a.PatientId}}") { id } }""", headers: Patient)).Status.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task reads_and_their_accounting_leave_the_patients_version_alone_so_a_change_expects_it()
    {
        var mine = (await GraphQL("{ myConsents { patientId version consents { payerId } } }", headers: Patient)).Ok()["myConsents"]!;
        var version = mine["version"]!.GetValue<long>();
        version.ShouldBe(await Version());

        // Accounted reads in between: the insurer's (refused, no consent yet) and an auditor's.
        (await GraphQL(History, new { id = _a.EpisodeId }, Aetna)).Ok();
        (await GraphQL($$"""{ patient(id: "{{_a.PatientId}}") { id } }""", headers: Host.As(TestTokens.Auditor(_a.ClinicId)))).Ok();

        var granted = (await GraphQL(Grant, new { input = new { patientId = _a.PatientId, expectedVersion = version, payerId = "aetna" } }, Patient))
            .Ok()["grantConsent"]!;
        granted["version"]!.GetValue<long>().ShouldBe(version + 1);
    }

    [Fact]
    public async Task a_stale_version_is_refused_with_conflict_and_writes_nothing()
    {
        var version = await Version();
        await SecurityApi.GrantConsent(Host, _a.PatientId, "bcbs");
        var before = await EventCount();

        var stale = await GraphQL(Grant, new { input = new { patientId = _a.PatientId, expectedVersion = version, payerId = "aetna" } }, Patient);

        stale.ErrorCode.ShouldBe("CONFLICT");
        stale.ErrorMessage.ShouldBe($"Patient {_a.PatientId} is at version {version + 1}, not {version}: read it again and retry with its current version.");
        (await EventCount()).ShouldBe(before);
    }
}
