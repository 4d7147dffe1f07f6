using JasperFx.Events;
using Marten.Events.Aggregation;
using RehabLedger.Common;
using RehabLedger.Corrections;
using RehabLedger.Goals;
using RehabLedger.Programs;

namespace RehabLedger.Episodes;

/// <summary>One thing that happened to an episode, with both of its times.</summary>
/// <param name="EntryId">
/// The entry the line is about: the assessment, goal, progress report, program change, session, home log or
/// certification it records or, for a correction, the entry it corrects. None for opening and discharge.
/// </param>
/// <param name="EnteredInError">Set when a later correction named this line's entry: the line stays, flagged.</param>
public sealed record TimelineEntry(
    long Version,
    string EventType,
    Guid? EntryId,
    string Summary,
    DateOnly? EffectiveOn,
    DateTimeOffset RecordedAt,
    ActorRef? By,
    string? CorrelationId,
    bool EnteredInError)
{
    /// <summary>The kind of <see cref="EntryId"/>'s entry, which a correction names together with its id; null for a correction's own line.</summary>
    public EntryKind? EntryKind { get; init; }
}

/// <summary>What happened to an episode, in recording order: when it took effect and when the record learned it.</summary>
public sealed class EpisodeTimeline
{
    public Guid Id { get; set; }
    public List<TimelineEntry> Entries { get; set; } = [];

    /// <summary>Exercise names by id, so later entries can name the exercise they are about.</summary>
    public Dictionary<Guid, string> ExerciseNames { get; set; } = [];

    /// <summary>Goal descriptions by id, as last revised, so later entries can name the goal they are about.</summary>
    public Dictionary<Guid, string> GoalNames { get; set; } = [];

    /// <summary>How a correction names each entry ("session of 2026-03-10"), by entry id.</summary>
    public Dictionary<Guid, string> EntryLabels { get; set; } = [];

    internal string NameOf(Guid exerciseId) => ExerciseNames.GetValueOrDefault(exerciseId, exerciseId.ToString());

    internal string GoalNameOf(Guid goalId) => GoalNames.GetValueOrDefault(goalId, goalId.ToString());

    /// <summary>The entries a correction marked, as the episode keeps them; their lines stay, flagged.</summary>
    public EnteredInErrorSet EnteredInError { get; set; } = new();

    internal void Correct(IEvent<EntryEnteredInError> correction)
    {
        EnteredInError.Apply(correction);
        for (var i = 0; i < Entries.Count; i++)
            if (Entries[i] is { EntryId: { } entryId, EntryKind: { } kind } line && EnteredInError.Contains(kind, entryId))
                Entries[i] = line with { EnteredInError = true };
    }
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
        foreach (var type in EpisodeStream.EventTypes) IncludeType(type);
    }

    public override EpisodeTimeline Evolve(EpisodeTimeline? timeline, Guid id, IEvent e)
    {
        timeline ??= new EpisodeTimeline { Id = id };
        // Described before remembering, so a revision names the goal as the reader knew it until then.
        var line = TimelineLines.Describe(timeline, e.Data);
        if (e is IEvent<EntryEnteredInError> correction) timeline.Correct(correction);
        Remember(timeline, e.Data, line);
        timeline.Entries.Add(new TimelineEntry(e.Version, e.EventTypeName, line.EntryId, line.Summary, line.EffectiveOn,
            e.Timestamp, line.By, e.CorrelationId, EnteredInError: false) { EntryKind = line.EntryId is null ? null : EntryKinds.Of(e.Data) });
        return timeline;
    }

    private static void Remember(EpisodeTimeline timeline, object data, TimelineLine line)
    {
        switch (data)
        {
            case ExercisePrescribed e: timeline.ExerciseNames[e.ExerciseId] = e.Name; break;
            case ExerciseSubstituted e: timeline.ExerciseNames[e.ReplacementExerciseId] = e.Name; break;
            case GoalSet e: timeline.GoalNames[e.GoalId] = e.Description; break;
            case GoalRevised e: timeline.GoalNames[e.GoalId] = e.Description; break;
        }
        if (line is { EntryId: { } entryId, Label: { } label }) timeline.EntryLabels[entryId] = label;
    }
}
