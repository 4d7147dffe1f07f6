using System.Text.Json.Nodes;
using Alba;
using Marten;
using RehabLedger.Common;
using RehabLedger.Episodes;
using RehabLedger.Programs;

namespace RehabLedger.Tests.Support;

/// <summary>
/// Helpers for sessions and home logs. The program is written straight into the episode stream, so these
/// scenarios need no program mutation; sessions and logs go through the public GraphQL API.
/// </summary>
public static class SessionsApi
{
    public static readonly ActorRef Prescriber = new("t-prescriber", "therapist", "Robin Ames");

    public static Dosage Dosage(ExerciseSetting setting = ExerciseSetting.Clinic) =>
        new(3, 10, null, null, null, null, null, 3, 5, setting);

    /// <summary>Prescribes an exercise by appending the event itself; returns the exercise id.</summary>
    public static async Task<Guid> Prescribe(this AppFixture fixture, Guid episodeId, DateOnly on, string name = "Sit to stand",
        ExerciseSetting setting = ExerciseSetting.Clinic)
    {
        var exerciseId = Guid.NewGuid();
        await fixture.Append(episodeId, new ExercisePrescribed(episodeId, exerciseId, Guid.NewGuid(), name, null,
            ExerciseCategory.Strengthening, Dosage(setting), null, null, null, on, Prescriber));
        return exerciseId;
    }

    public static Task Discontinue(this AppFixture fixture, Guid episodeId, Guid exerciseId, DateOnly on) =>
        fixture.Append(episodeId, new ExerciseDiscontinued(episodeId, exerciseId, Guid.NewGuid(), "Pain on loading", on, Prescriber));

    /// <summary>
    /// Appends through FetchForWriting, as the command handlers do: a bare Events.Append leaves the inline
    /// Episode snapshot at version 0, because the version is only assigned in the database then.
    /// </summary>
    private static async Task Append(this AppFixture fixture, Guid episodeId, object @event)
    {
        await using var session = fixture.Store.LightweightSession();
        var stream = await session.Events.FetchForWriting<Episode>(episodeId);
        stream.AppendOne(@event);
        await session.SaveChangesAsync();
    }

    public static async Task<long> EpisodeVersion(this AppFixture fixture, Guid episodeId)
    {
        await using var session = fixture.Store.QuerySession();
        return (await session.Events.FetchStreamStateAsync(episodeId))!.Version;
    }

    public const string RecordSessionMutation = """
        mutation($input: RecordSessionInput!) {
          recordSession(input: $input) {
            version
            episode { id version sessions { totalCount edges { node { id date minutes attendance } } } }
          }
        }
        """;

    public static Dictionary<string, object?> AttendedInput(EpisodeSetup e, long expectedVersion, DateOnly date, params Guid[] exercises) => new()
    {
        ["episodeId"] = e.EpisodeId,
        ["expectedVersion"] = expectedVersion,
        ["date"] = date.ToString("yyyy-MM-dd"),
        ["attendance"] = "ATTENDED",
        ["minutes"] = 45,
        ["exercises"] = exercises.Select(id => new Dictionary<string, object?>
        {
            ["exerciseId"] = id, ["sets"] = 3, ["repetitions"] = 10, ["load"] = 4.5m, ["loadUnit"] = "KG", ["rpe"] = 6,
        }).ToArray(),
        ["painBefore"] = 5,
        ["painAfter"] = 3,
        ["rpe"] = 6,
        ["note"] = "Tolerated well.",
    };

    public static Dictionary<string, object?> MissedInput(EpisodeSetup e, long expectedVersion, DateOnly date, string attendance) => new()
    {
        ["episodeId"] = e.EpisodeId,
        ["expectedVersion"] = expectedVersion,
        ["date"] = date.ToString("yyyy-MM-dd"),
        ["attendance"] = attendance,
    };

    public const string LogHomeExerciseMutation = """
        mutation($input: LogHomeExerciseInput!) {
          logHomeExercise(input: $input) {
            version
            episode { id version homeLogs { totalCount edges { node { id date exerciseId exerciseName sets repetitions pain reportedBy note } } } }
          }
        }
        """;

    public static Dictionary<string, object?> HomeLogInput(EpisodeSetup e, long expectedVersion, DateOnly date, Guid exerciseId) => new()
    {
        ["episodeId"] = e.EpisodeId,
        ["expectedVersion"] = expectedVersion,
        ["date"] = date.ToString("yyyy-MM-dd"),
        ["exerciseId"] = exerciseId,
        ["sets"] = 2,
        ["repetitions"] = 12,
        ["pain"] = 2,
        ["reportedBy"] = "PATIENT",
    };

    /// <summary>Records an attended session with no exercises; returns the new episode version.</summary>
    public static async Task<long> RecordAttended(this IAlbaHost host, EpisodeSetup e, long expectedVersion, DateOnly date, Guid? id = null)
    {
        var input = AttendedInput(e, expectedVersion, date);
        if (id is not null) input["id"] = id;
        var data = (await host.GraphQL(RecordSessionMutation, new { input })).Ok();
        return data["recordSession"]!["version"]!.GetValue<long>();
    }

    public static Guid[] Ids(JsonNode connection) =>
        connection["edges"]!.AsArray().Select(edge => Guid.Parse(edge!["node"]!["id"]!.GetValue<string>())).ToArray();
}
