using Marten;
using RehabLedger.Tests.Support;

namespace RehabLedger.Tests.Disclosures;

/// <summary>
/// Accounting for a read never contends with anything: dozens of auditors and insurers reading the same patient's
/// records at once, while the patient changes their consents with expected versions, are all answered, and every read
/// is on record.
/// </summary>
public sealed class when_many_read_the_same_records_at_once(AppFixture fixture) : AppScenario(fixture)
{
    private const int Clients = 32;
    private const int ReadsEach = 4;

    [Fact]
    public async Task no_read_fails_or_goes_unaccounted_and_consent_changes_keep_their_versions()
    {
        var world = await SecurityWorld.Seed(Host, Today);
        var a = world.A;
        var before = await Disclosures();
        var auditor = world.Headers(Host, Who.Auditor).ToDictionary();
        var insurer = world.Headers(Host, Who.Insurer).ToDictionary();
        var auditorReads = $$"""
            { patient(id: "{{a.PatientId}}") { id } episode(id: "{{a.EpisodeId}}") { id } programHistory(episodeId: "{{a.EpisodeId}}") { totalCount } }
            """;
        var insurerRead = $$"""{ outcomeHistory(episodeId: "{{a.EpisodeId}}") { episodeId } }""";

        var readers = Enumerable.Range(0, Clients).Select(async client =>
        {
            var failures = new List<string>();
            for (var i = 0; i < ReadsEach; i++)
            {
                var response = client % 2 == 0 ? await GraphQL(auditorReads, headers: auditor) : await GraphQL(insurerRead, headers: insurer);
                if (response.Errors is not null || response.Status != System.Net.HttpStatusCode.OK) failures.Add(response.Body.ToJsonString());
            }
            return failures;
        }).ToList();
        var consents = ChangeConsents(world);

        var failed = (await Task.WhenAll(readers)).SelectMany(f => f).ToList();
        failed.ShouldBeEmpty($"{failed.Count} reads failed, for example {failed.FirstOrDefault()}");
        (await consents).ShouldBe(5);

        // Three records handed out per auditor request (patient, episode, program history), one per insurer request.
        var expected = Clients / 2 * ReadsEach * 3 + Clients / 2 * ReadsEach;
        (await Disclosures() - before).ShouldBe(expected);
    }

    /// <summary>The patient grants consents one after another, each with the version the previous change answered.</summary>
    private async Task<int> ChangeConsents(SecurityWorld world)
    {
        var patient = world.Headers(Host, Who.Patient).ToDictionary();
        var version = await SecurityApi.PatientVersion(Host, world.A.PatientId);
        var changes = 0;
        for (var i = 0; i < 5; i++)
        {
            var granted = (await GraphQL("mutation($input: GrantConsentInput!) { grantConsent(input: $input) { version } }",
                new { input = new { patientId = world.A.PatientId, expectedVersion = version, payerId = $"payer-{i}" } }, patient)).Ok();
            version = granted["grantConsent"]!["version"]!.GetValue<long>();
            changes++;
        }
        return changes;
    }

    private async Task<int> Disclosures()
    {
        await using var session = Fixture.Store.QuerySession();
        return await session.Events.QueryAllRawEvents().CountAsync(e => e.EventTypeName == "disclosure_recorded");
    }
}
