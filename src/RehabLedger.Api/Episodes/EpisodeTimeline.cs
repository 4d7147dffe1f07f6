using JasperFx.Events;
using Marten.Events.Aggregation;
using RehabLedger.Common;
using RehabLedger.Programs;

namespace RehabLedger.Episodes;

/// <summary>One thing that happened to an episode, with both of its times.</summary>
public sealed record TimelineEntry(
    long Version,
    string EventType,
    string Summary,
    DateOnly? EffectiveOn,
    DateTimeOffset RecordedAt,
    ActorRef? By,
    string? CorrelationId);

/// <summary>What happened to an episode, in recording order: when it took effect and when the record learned it.</summary>
public sealed class EpisodeTimeline
{
    public Guid Id { get; set; }
    public List<TimelineEntry> Entries { get; set; } = [];

    /// <summary>Exercise names by id, so later entries can name the exercise they change.</summary>
    public Dictionary<Guid, string> ExerciseNames { get; set; } = [];

    internal string NameOf(Guid exerciseId) => ExerciseNames.GetValueOrDefault(exerciseId, exerciseId.ToString());
}

/// <summary>
/// Async: the recorded time is stamped by PostgreSQL when the events are committed, so only a projection that
/// reads committed events sees it; the async daemon (HotCold: one leader across nodes) runs it a moment later.
/// </summary>
public sealed partial class EpisodeTimelineProjection : SingleStreamProjection<EpisodeTimeline, Guid>
{
    public EpisodeTimelineProjection()
    {
        // Only episode streams have a timeline: patient, clinic and therapist streams are left out.
        IncludeType<EpisodeOpened>();
        IncludeType<AssessmentRecorded>();
        IncludeType<EpisodeDischarged>();
        IncludeType<ExercisePrescribed>();
        IncludeType<ExerciseDosageAdjusted>();
        IncludeType<ExerciseSubstituted>();
        IncludeType<ExerciseDiscontinued>();
    }

    public override EpisodeTimeline Evolve(EpisodeTimeline? timeline, Guid id, IEvent e)
    {
        timeline ??= new EpisodeTimeline { Id = id };
        Remember(timeline, e.Data);
        var (summary, effectiveOn, by) = Describe(timeline, e.Data);
        timeline.Entries.Add(new TimelineEntry(e.Version, e.EventTypeName, summary, effectiveOn, e.Timestamp, by, e.CorrelationId));
        return timeline;
    }

    private static void Remember(EpisodeTimeline timeline, object data)
    {
        switch (data)
        {
            case ExercisePrescribed e: timeline.ExerciseNames[e.ExerciseId] = e.Name; break;
            case ExerciseSubstituted e: timeline.ExerciseNames[e.ReplacementExerciseId] = e.Name; break;
        }
    }

    internal static (string Summary, DateOnly? EffectiveOn, ActorRef? By) Describe(EpisodeTimeline t, object data) => data switch
    {
        EpisodeOpened e => ($"Episode opened for {e.Condition.Icd10Code} {e.Condition.Description}", e.EffectiveOn, e.By),
        AssessmentRecorded e => ($"{e.Kind} assessment by {e.AssessorName}: {DescribeMeasures(e)}", e.EffectiveOn, e.By),
        EpisodeDischarged e => ($"Discharged: {e.Reason}", e.EffectiveOn, e.By),
        ExercisePrescribed e => ($"Prescribed {e.Name}", e.EffectiveOn, e.By),
        ExerciseDosageAdjusted e => ($"{e.Kind} of {t.NameOf(e.ExerciseId)}: {DescribeChanges(e)}; {e.Reason}", e.EffectiveOn, e.By),
        ExerciseSubstituted e => ($"Substituted {t.NameOf(e.ExerciseId)} with {e.Name}: {e.Reason}", e.EffectiveOn, e.By),
        ExerciseDiscontinued e => ($"Discontinued {t.NameOf(e.ExerciseId)}: {e.Reason}", e.EffectiveOn, e.By),
        _ => (data.GetType().Name, null, null),
    };

    private static string DescribeChanges(ExerciseDosageAdjusted e) =>
        string.Join(", ", DosageRules.Differences(e.From, e.To).Select(c => $"{c.Parameter} {c.From ?? "none"} -> {c.To ?? "none"}"));

    private static string DescribeMeasures(AssessmentRecorded e)
    {
        var parts = e.Measures.Select(m => $"{m.Code} {m.Value}").ToList();
        if (e.RangeOfMotion.Count > 0) parts.Add($"{e.RangeOfMotion.Count} range-of-motion entries");
        if (e.MuscleTests.Count > 0) parts.Add($"{e.MuscleTests.Count} muscle tests");
        return parts.Count == 0 ? "findings only" : string.Join(", ", parts);
    }
}
