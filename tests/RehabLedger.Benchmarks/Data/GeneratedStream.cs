namespace RehabLedger.Benchmarks.Data;

/// <summary>
/// One stream of the generated record: its id, the aggregate it belongs to, and its events in order, each with the
/// moment the original system recorded it (an import keeps that time rather than the moment of the import).
/// </summary>
public sealed record GeneratedStream(Guid Id, Type AggregateType, IReadOnlyList<object> Events, IReadOnlyList<DateTimeOffset> RecordedAt);

/// <summary>An active episode a writer may record sessions on: its version when generated and its clinic exercises.</summary>
public sealed record WriteTarget(Guid EpisodeId, long Version, Guid[] ClinicExerciseIds);

/// <summary>What the generator made, and the handles the phases need into it.</summary>
public sealed class ClinicalRecord
{
    public List<GeneratedStream> Streams { get; } = [];

    /// <summary>A clinic and therapist whose caseload holds exactly <see cref="ClinicalDataGenerator.ActivePerTherapist"/> active episodes.</summary>
    public (Guid ClinicId, Guid TherapistId) Caseload { get; set; }

    /// <summary>Active episodes of that therapist, for the progress query.</summary>
    public List<Guid> ProgressEpisodes { get; } = [];

    /// <summary>Active episodes of other therapists, for the write phases.</summary>
    public List<WriteTarget> WriteTargets { get; } = [];

    /// <summary>Episodes whose streams hold exactly this many events, for the time-travel phase.</summary>
    public SortedDictionary<int, Guid> TimeTravelEpisodes { get; } = [];

    public long EventCount => Streams.Sum(s => (long)s.Events.Count);
}
