using System.Text.Json.Nodes;
using Alba;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using RehabLedger.Security;

namespace RehabLedger.Tests.Support;

/// <summary>Who calls, in the security tests: every role, and nobody.</summary>
public enum Who
{
    Anonymous,
    PlatformAdmin,
    ClinicAdmin,
    Therapist,
    Auditor,
    Insurer,
    Patient,
}

/// <summary>One clinic's records in a <see cref="SecurityWorld"/>: a therapist, a patient and their open episode.</summary>
public sealed record ClinicRecords(Guid ClinicId, Guid TherapistId, Guid PatientId, Guid EpisodeId, long Version, Guid ExerciseId, Guid GoalId);

/// <summary>
/// Two clinics with the same shape of records, both covered by aetna; only clinic A's patient consents to aetna. The
/// callers belong to clinic A (the patient is A's patient, the insurer is aetna), so B's records are valid ids that
/// none of them may reach, except the platform administrator.
/// </summary>
public sealed record SecurityWorld(ClinicRecords A, ClinicRecords B)
{
    public const string Payer = "aetna";

    public static async Task<SecurityWorld> Seed(IAlbaHost host, DateOnly today)
    {
        var a = await SecurityApi.Clinic(host, "Alder Street PT", today);
        var b = await SecurityApi.Clinic(host, "Birch Lane PT", today);
        await SecurityApi.GrantConsent(host, a.PatientId, Payer);
        return new SecurityWorld(a, b);
    }

    public TokenClaims Claims(Who caller) => caller switch
    {
        Who.PlatformAdmin => TestTokens.PlatformAdmin,
        Who.ClinicAdmin => TestTokens.ClinicAdmin(A.ClinicId),
        Who.Therapist => TestTokens.Therapist(A.ClinicId, A.TherapistId.ToString()),
        Who.Auditor => TestTokens.Auditor(A.ClinicId),
        Who.Insurer => TestTokens.Insurer(Payer),
        Who.Patient => TestTokens.Patient(A.PatientId),
        _ => throw new ArgumentOutOfRangeException(nameof(caller), "Anonymous has no claims."),
    };

    public IReadOnlyDictionary<string, string> Headers(IAlbaHost host, Who caller) =>
        caller == Who.Anonymous ? TestTokens.Anonymous : host.As(Claims(caller));
}

/// <summary>Records built through the API as a platform administrator, and the few reads the security tests need.</summary>
public static class SecurityApi
{
    public const string OpenEpisode = "mutation($input: OpenEpisodeInput!) { openEpisode(input: $input) { version episode { id } } }";
    public const string Prescribe = "mutation($input: PrescribeExerciseInput!) { prescribeExercise(input: $input) { version episode { currentProgram { exercises { id } } } } }";
    public const string SetGoal = "mutation($input: SetGoalInput!) { setGoal(input: $input) { version } }";

    /// <summary>A clinic with a therapist and a patient whose episode (covered by aetna) has a home exercise and a goal.</summary>
    public static async Task<ClinicRecords> Clinic(IAlbaHost host, string name, DateOnly today)
    {
        var clinicId = await host.RegisterClinic(name);
        var therapistId = await host.RegisterTherapist(clinicId);
        var patientId = await host.RegisterPatient(clinicId);
        return await Episode(host, clinicId, therapistId, patientId, today);
    }

    /// <summary>A new episode of an existing patient, with a home exercise and a goal set ten days ago.</summary>
    public static async Task<ClinicRecords> Episode(IAlbaHost host, Guid clinicId, Guid therapistId, Guid patientId, DateOnly today)
    {
        var start = today.AddDays(-10);
        var opened = (await host.GraphQL(OpenEpisode, new { input = ClinicalApi.OpenEpisodeInput(clinicId, therapistId, patientId, start) }))
            .Ok()["openEpisode"]!;
        var episodeId = ClinicalApi.IdOf(opened["episode"]!);
        var prescribed = (await host.GraphQL(Prescribe, new { input = ProgramApi.PrescribeInput(episodeId, 1, start, "Bridge") }))
            .Ok()["prescribeExercise"]!;
        var exerciseId = ClinicalApi.IdOf(prescribed["episode"]!["currentProgram"]!["exercises"]![0]!);
        var goalId = Guid.NewGuid();
        var version = (await host.GraphQL(SetGoal, new
        {
            input = new { episodeId, expectedVersion = 2, id = goalId, description = "Walk to the bus stop", effectiveOn = start.ToString("yyyy-MM-dd") },
        })).Ok()["setGoal"]!["version"]!.GetValue<long>();
        return new ClinicRecords(clinicId, therapistId, patientId, episodeId, version, exerciseId, goalId);
    }

    public static async Task GrantConsent(IAlbaHost host, Guid patientId, string payerId, IReadOnlyDictionary<string, string>? headers = null) =>
        (await host.GraphQL("mutation($input: GrantConsentInput!) { grantConsent(input: $input) { version } }",
            new { input = new { patientId, expectedVersion = await PatientVersion(host, patientId), payerId } }, headers?.ToDictionary())).Ok();

    /// <summary>The patient stream's version, as a consent change expects it.</summary>
    public static async Task<long> PatientVersion(IAlbaHost host, Guid patientId)
    {
        await using var session = host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        return (await session.Events.FetchStreamStateAsync(patientId))?.Version ?? 0;
    }

    /// <summary>How many events were written, leaving out the access records every refusal adds.</summary>
    public static async Task<int> ClinicalEventCount(this IAlbaHost host)
    {
        await using var session = host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        return await session.Events.QueryAllRawEvents().CountAsync(e => e.EventTypeName != "disclosure_recorded");
    }

    public static IEnumerable<Guid> Ids(this JsonNode? list) => (list?.AsArray() ?? []).Select(x => ClinicalApi.IdOf(x!));
}
