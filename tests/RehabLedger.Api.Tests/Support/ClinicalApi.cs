using System.Text.Json.Nodes;
using Alba;

namespace RehabLedger.Tests.Support;

/// <summary>The ids of a clinic with one therapist, a registered patient and an open episode.</summary>
public sealed record EpisodeSetup(Guid ClinicId, Guid TherapistId, Guid PatientId, Guid EpisodeId, long Version);

/// <summary>Builds records through the public GraphQL API, as a client would.</summary>
public static class ClinicalApi
{
    public static async Task<Guid> RegisterClinic(this IAlbaHost host, string name = "Harbor Physical Therapy")
    {
        var data = (await host.GraphQL("mutation($input: RegisterClinicInput!) { registerClinic(input: $input) { clinic { id } } }",
            new { input = new { name } })).Ok();
        return IdOf(data["registerClinic"]!["clinic"]!);
    }

    public static async Task<Guid> RegisterTherapist(this IAlbaHost host, Guid clinicId, string name = "Robin Ames")
    {
        var data = (await host.GraphQL("mutation($input: RegisterTherapistInput!) { registerTherapist(input: $input) { therapist { id } } }",
            new { input = new { clinicId, displayName = name, profession = "PT", licenseNumber = "PT-1001" } })).Ok();
        return IdOf(data["registerTherapist"]!["therapist"]!);
    }

    public static async Task<Guid> RegisterPatient(this IAlbaHost host, Guid clinicId, string family = "Rivera")
    {
        var data = (await host.GraphQL("mutation($input: RegisterPatientInput!) { registerPatient(input: $input) { patient { id } } }",
            new { input = new { clinicId, familyName = family, givenName = "Ana", birthDate = "1961-05-04", sex = "FEMALE" } })).Ok();
        return IdOf(data["registerPatient"]!["patient"]!);
    }

    public const string OpenEpisodeMutation = """
        mutation($input: OpenEpisodeInput!) {
          openEpisode(input: $input) { version episode { id status startedOn } }
        }
        """;

    public static object OpenEpisodeInput(Guid clinicId, Guid therapistId, Guid patientId, DateOnly startedOn) => new
    {
        patientId, clinicId, therapistId,
        condition = new { icd10Code = "M17.11", description = "Primary osteoarthritis, right knee", bodyRegion = "knee" },
        referralSource = "Dr. Okoye, orthopedics",
        coverage = new { payerId = "aetna", payerName = "Aetna", memberId = "W123456789" },
        startedOn = startedOn.ToString("yyyy-MM-dd"),
    };

    public static async Task<EpisodeSetup> OpenEpisode(this IAlbaHost host, DateOnly startedOn)
    {
        var clinicId = await host.RegisterClinic();
        var therapistId = await host.RegisterTherapist(clinicId);
        var patientId = await host.RegisterPatient(clinicId);
        var data = (await host.GraphQL(OpenEpisodeMutation,
            new { input = OpenEpisodeInput(clinicId, therapistId, patientId, startedOn) })).Ok();
        var opened = data["openEpisode"]!;
        return new EpisodeSetup(clinicId, therapistId, patientId, IdOf(opened["episode"]!), opened["version"]!.GetValue<long>());
    }

    public const string RecordAssessmentMutation = """
        mutation($input: RecordAssessmentInput!) {
          recordAssessment(input: $input) {
            version
            episode { id version assessments { id kind effectiveOn } measures { code baseline latest change reachesMcid worsened } }
          }
        }
        """;

    public static object AssessmentInput(EpisodeSetup e, long expectedVersion, DateOnly effectiveOn, string kind = "INITIAL",
        object[]? measures = null, object[]? rangeOfMotion = null, object[]? muscleTests = null, string? findings = "Antalgic gait.") => new
    {
        episodeId = e.EpisodeId,
        expectedVersion,
        kind,
        effectiveOn = effectiveOn.ToString("yyyy-MM-dd"),
        assessorId = e.TherapistId,
        measures = measures ?? [new { code = "LEFS", value = 38 }, new { code = "NPRS", value = 7 }],
        rangeOfMotion = rangeOfMotion ?? [],
        muscleTests = muscleTests ?? [],
        findings,
    };

    public static Guid IdOf(JsonNode node) => Guid.Parse(node["id"]!.GetValue<string>());
}
