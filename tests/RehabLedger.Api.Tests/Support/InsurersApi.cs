using System.Text.Json.Nodes;
using Alba;

namespace RehabLedger.Tests.Support;

/// <summary>
/// Builds episodes for the insurer scenarios through the public GraphQL API, tracking the episode's version, and
/// reads outcome histories back. Every free-text field is filled with a marker the scenarios later search for.
/// </summary>
public static class InsurersApi
{
    public const string PayerId = "acme-health";
    public const string PayerName = "Acme Health";

    /// <summary>Runs a mutation that answers a payload with <c>version</c>; returns the episode's new version.</summary>
    public static async Task<long> Mutate(this IAlbaHost host, string field, string inputType, object input)
    {
        var data = (await host.GraphQL($"mutation($input: {inputType}!) {{ {field}(input: $input) {{ version }} }}", new { input })).Ok();
        return data[field]!["version"]!.GetValue<long>();
    }

    public static string Day(DateOnly date) => date.ToString("yyyy-MM-dd");

    /// <summary>Registers a patient (with a record number) and opens an episode covered by <paramref name="payerId"/>, or uncovered when null.</summary>
    public static async Task<EpisodeSetup> OpenCovered(this IAlbaHost host, Guid clinicId, Guid therapistId, DateOnly startedOn,
        string? payerId = PayerId, string memberId = "ACME-000123", string family = "Rivera", string given = "Ana",
        string? mrn = null, string birthDate = "1961-05-04", string? referralSource = null)
    {
        var patient = (await host.GraphQL("mutation($input: RegisterPatientInput!) { registerPatient(input: $input) { patient { id } } }",
            new { input = new { clinicId, familyName = family, givenName = given, birthDate, sex = "FEMALE", medicalRecordNumber = mrn } })).Ok();
        var patientId = ClinicalApi.IdOf(patient["registerPatient"]!["patient"]!);
        var opened = (await host.GraphQL(ClinicalApi.OpenEpisodeMutation, new
        {
            input = new
            {
                patientId, clinicId, therapistId,
                condition = new { icd10Code = "M17.11", description = "Unilateral primary osteoarthritis, right knee", bodyRegion = "knee" },
                referralSource,
                coverage = payerId is null ? null : new { payerId, payerName = payerId == PayerId ? PayerName : payerId, memberId },
                startedOn = Day(startedOn),
            },
        })).Ok()["openEpisode"]!;
        return new EpisodeSetup(clinicId, therapistId, patientId, ClinicalApi.IdOf(opened["episode"]!), opened["version"]!.GetValue<long>());
    }

    public static Task<long> Discharge(this IAlbaHost host, EpisodeSetup e, long version, DateOnly on, string reason = "Goals met.", object? assessment = null) =>
        host.Mutate("dischargeEpisode", "DischargeEpisodeInput", new { episodeId = e.EpisodeId, expectedVersion = version, effectiveOn = Day(on), reason, assessment });

    public const string OutcomeHistorySelection = """
        episodeId status startedOn visitsUsed visitsAuthorized progressReportDates
        payer { payerId payerName }
        member { memberId birthYear }
        condition { icd10Code description bodyRegion }
        certifications { start end days }
        attendance { attended cancelled noShow ratePercent }
        homeAdherence { weekStart prescribed done percent }
        measures { code name unit direction baseline latest change percentChange improvement reachesMcid worsened mcidThreshold mcidSource series { effectiveOn value } }
        rangeOfMotion { joint motion side active baseline latest change series { effectiveOn value } }
        muscleTests { muscleGroup side baseline latest change series { effectiveOn value } }
        goals { description measureCode baseline target targetDate setOn status statusSince latest met attainmentPercent }
        discharge { dischargedOn assessedOn measures { code value } goals { description status met } }
        """;

    public static async Task<JsonNode?> OutcomeHistory(this IAlbaHost host, Guid episodeId) =>
        (await host.GraphQL($$"""query($id: ID!) { outcomeHistory(episodeId: $id) { {{OutcomeHistorySelection}} } }""", new { id = episodeId }))
            .Ok()["outcomeHistory"];

    /// <summary>A plain GET through the host's whole pipeline, as a platform administrator unless a token is given.</summary>
    public static async Task<(int Status, string? ContentType, string Body)> Get(this IAlbaHost host, string url, string? bearer = null)
    {
        var token = bearer ?? host.Token(TestTokens.PlatformAdmin);
        var result = await host.Scenario(s =>
        {
            s.Get.Url(url);
            if (token.Length > 0) s.WithRequestHeader("Authorization", "Bearer " + token);
            s.IgnoreStatusCode();
        });
        return (result.Context.Response.StatusCode, result.Context.Response.ContentType, await result.ReadAsTextAsync());
    }
}
