using Marten;
using RehabLedger.Common;
using RehabLedger.Programs;

namespace RehabLedger.Audit;

/// <summary>
/// The program as it stood, on one of two time axes. By recorded time or stream version: what the record said then,
/// counting only the changes and corrections recorded by then. By effective date: what the patient was prescribed
/// on that day as the record now knows it, every correction applied. <see cref="Version"/> is the stream version
/// the answer reads: the one asked for or found for the instant, or the current one for an effective date.
/// </summary>
public sealed record ProgramAsOf(
    Guid EpisodeId,
    DateTimeOffset? RecordedAt,
    DateOnly? EffectiveOn,
    long Version,
    IReadOnlyList<ProgramExercise> Exercises);

public static class ProgramAsOfQuery
{
    /// <summary>Exactly one of the three instants, and a version that is not negative.</summary>
    public static void Check(DateTimeOffset? recordedAt, DateOnly? effectiveOn, long? version)
    {
        var given = new[] { (recordedAt is not null, "recordedAt"), (effectiveOn is not null, "effectiveOn"), (version is not null, "version") }
            .Where(x => x.Item1).Select(x => x.Item2).ToList();
        Validate.That(given.Count == 1, given.Count == 0 ? "recordedAt" : given[^1],
            given.Count == 0
                ? "Say when: give one of recordedAt, effectiveOn or version."
                : $"Give one of recordedAt, effectiveOn or version, not {string.Join(" and ", given)}.");
        Validate.That(version is null or >= 0, "version", $"version must not be negative (got {version}).");
    }

    /// <summary>Two round trips by recorded time (the record, then the version at that instant), one otherwise.</summary>
    public static async Task<ProgramAsOf> Answer(IQuerySession session, Guid episodeId, DateTimeOffset? recordedAt, DateOnly? effectiveOn,
        long? version, CancellationToken ct)
    {
        Check(recordedAt, effectiveOn, version);
        var (program, current) = await EpisodeProgramRecord.Load(session, episodeId, ct);

        if (effectiveOn is { } day)
            return new ProgramAsOf(episodeId, null, day, current, ProgramFold.Exercises(program.Changes, program.EnteredInError, effectiveOn: day));

        Validate.That(version is null || version <= current, "version",
            $"The episode has no version {version}; it is at version {current}.");
        var asOf = version ?? await Ledger.VersionAt(session, episodeId, recordedAt!.Value, ct);
        return new ProgramAsOf(episodeId, recordedAt, null, asOf, ProgramFold.Exercises(program.Changes, program.EnteredInError, recordedVersion: asOf));
    }
}
