using RehabLedger.Benchmarks.Data;
using RehabLedger.Common;
using RehabLedger.Sessions;

namespace RehabLedger.Benchmarks.Phases;

/// <summary>The clinical entry every write variant records: an attended session with the episode's three clinic exercises.</summary>
public static class SessionEntries
{
    public const string Mutation = "mutation RecordSession($input: RecordSessionInput!) { recordSession(input: $input) { version } }";
    public const string Note = "Tolerated progression well; verbal cues for alignment on the second set.";

    public static readonly ActorRef Therapist = new("therapist:benchmark", "therapist", "Benchmark Therapist");

    public static RecordSession Command(WriteTarget target, long expectedVersion, DateOnly date) =>
        new(target.EpisodeId, expectedVersion, Guid.CreateVersion7(), date, Attendance.Attended, 45, null,
            Performed(target), 4, 3, 6, [], Note, Therapist);

    /// <summary>The same session as GraphQL variables, as a client app sends it.</summary>
    public static object Variables(WriteTarget target, long expectedVersion, DateOnly date) => new
    {
        input = new
        {
            episodeId = target.EpisodeId,
            expectedVersion,
            id = Guid.CreateVersion7(),
            date = date.ToString("yyyy-MM-dd"),
            attendance = "ATTENDED",
            minutes = 45,
            exercises = target.ClinicExerciseIds.Select(id => new { exerciseId = id, sets = 3, repetitions = 10, rpe = 6 }).ToArray(),
            painBefore = 4,
            painAfter = 3,
            rpe = 6,
            note = Note,
        },
    };

    /// <summary>The event the command above appends, for the variants that append it without the service.</summary>
    public static SessionRecorded Event(Guid streamId, WriteTarget target, DateOnly date) =>
        new(streamId, Guid.CreateVersion7(), date, Attendance.Attended, 45, Guid.NewGuid(), Therapist.DisplayName, Performed(target),
            4, 3, 6, [], Note, Therapist);

    private static List<PerformedExercise> Performed(WriteTarget target) =>
        target.ClinicExerciseIds.Select(id => new PerformedExercise(id, 3, 10, Rpe: 6)).ToList();
}
