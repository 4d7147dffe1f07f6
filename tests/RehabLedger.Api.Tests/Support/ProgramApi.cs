using System.Text.Json.Nodes;
using Alba;

namespace RehabLedger.Tests.Support;

/// <summary>Program mutations through the public GraphQL API.</summary>
public static class ProgramApi
{
    public const string EpisodeProgram = """
        version
        episode {
          version
          currentProgram {
            programVersion
            exercises(includeEnded: true) {
              id name category status prescribedOn dosageSince endedOn replacesExerciseId replacedByExerciseId
              dosage { sets repetitions holdSeconds load loadUnit band durationMinutes frequencyPerWeek targetRpe setting }
              lastChange { kind effectiveOn reason by { id role } dosageChanges { parameter from to } }
            }
          }
        }
        """;

    public static readonly string Prescribe = $$"""mutation($input: PrescribeExerciseInput!) { prescribeExercise(input: $input) { {{EpisodeProgram}} } }""";
    public static readonly string Adjust = $$"""mutation($input: AdjustDosageInput!) { adjustDosage(input: $input) { {{EpisodeProgram}} } }""";
    public static readonly string Substitute = $$"""mutation($input: SubstituteExerciseInput!) { substituteExercise(input: $input) { {{EpisodeProgram}} } }""";
    public static readonly string Discontinue = $$"""mutation($input: DiscontinueExerciseInput!) { discontinueExercise(input: $input) { {{EpisodeProgram}} } }""";

    public static object Dosage(int sets = 3, int? repetitions = 10, int? holdSeconds = null, int frequencyPerWeek = 3, string setting = "HOME",
        decimal? load = null, string? loadUnit = null, string? band = null, int? durationMinutes = null, int? targetRpe = 5) =>
        new { sets, repetitions, holdSeconds, load, loadUnit, band, durationMinutes, frequencyPerWeek, targetRpe, setting };

    public static object PrescribeInput(Guid episodeId, long expectedVersion, DateOnly effectiveOn, string name = "Sit to stand",
        object? dosage = null, Guid? id = null, string category = "FUNCTIONAL") => new
    {
        episodeId, expectedVersion, effectiveOn = effectiveOn.ToString("yyyy-MM-dd"), reason = "Initial program",
        exercise = new { id, name, category, dosage = dosage ?? Dosage(), instructions = "Arms crossed, slow descent" },
    };

    /// <summary>Prescribes an exercise and answers its id and the episode's new version.</summary>
    public static async Task<(Guid ExerciseId, long Version)> PrescribeExercise(this IAlbaHost host, Guid episodeId, long version,
        DateOnly effectiveOn, string name = "Sit to stand", object? dosage = null, string category = "FUNCTIONAL")
    {
        var payload = (await host.GraphQL(Prescribe, new { input = PrescribeInput(episodeId, version, effectiveOn, name, dosage, category: category) }))
            .Ok()["prescribeExercise"]!;
        var exercise = payload["episode"]!["currentProgram"]!["exercises"]!.AsArray().Last(x => x!["name"]!.GetValue<string>() == name)!;
        return (ClinicalApi.IdOf(exercise), payload["version"]!.GetValue<long>());
    }

    public static JsonNode ExerciseNamed(this JsonNode payload, string name) =>
        payload["episode"]!["currentProgram"]!["exercises"]!.AsArray().Single(x => x!["name"]!.GetValue<string>() == name)!;
}
