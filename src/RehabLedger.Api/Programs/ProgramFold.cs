using RehabLedger.Common;
using RehabLedger.Corrections;

namespace RehabLedger.Programs;

public enum ProgramChangeKind
{
    Prescribed,
    Progression,
    Regression,
    Modification,
    Substitution,
    Discontinuation,
}

public enum ExerciseStatus
{
    Active,
    Discontinued,
    Substituted,
}

/// <summary>
/// One recorded change to the program, flattened from its event. <see cref="RecordedVersion"/> is the episode
/// stream version that recorded it, so the program can be rebuilt as the record stood at any version.
/// </summary>
public sealed record ProgramChange(
    Guid ChangeId,
    Guid ExerciseId,
    ProgramChangeKind Kind,
    DateOnly EffectiveOn,
    long RecordedVersion,
    ActorRef By,
    string? Reason,
    Dosage? Dosage = null,
    Dosage? PreviousDosage = null,
    string? Name = null,
    string? CatalogCode = null,
    ExerciseCategory? Category = null,
    string? Instructions = null,
    string? Precautions = null,
    Guid? ReplacementExerciseId = null)
{

    public static ProgramChange From(ExercisePrescribed e, long version) =>
        new(e.ChangeId, e.ExerciseId, ProgramChangeKind.Prescribed, e.EffectiveOn, version, e.By, e.Reason,
            e.Dosage, null, e.Name, e.CatalogCode, e.Category, e.Instructions, e.Precautions);

    public static ProgramChange From(ExerciseDosageAdjusted e, long version) =>
        new(e.ChangeId, e.ExerciseId, e.Kind switch
        {
            AdjustmentKind.Progression => ProgramChangeKind.Progression,
            AdjustmentKind.Regression => ProgramChangeKind.Regression,
            _ => ProgramChangeKind.Modification,
        }, e.EffectiveOn, version, e.By, e.Reason, e.To, e.From);

    public static ProgramChange From(ExerciseSubstituted e, long version) =>
        new(e.ChangeId, e.ExerciseId, ProgramChangeKind.Substitution, e.EffectiveOn, version, e.By, e.Reason,
            e.Dosage, null, e.Name, e.CatalogCode, e.Category, e.Instructions, e.Precautions, e.ReplacementExerciseId);

    public static ProgramChange From(ExerciseDiscontinued e, long version) =>
        new(e.ChangeId, e.ExerciseId, ProgramChangeKind.Discontinuation, e.EffectiveOn, version, e.By, e.Reason);
}

/// <summary>An exercise as the program stands at some moment.</summary>
public sealed record ProgramExercise(
    Guid Id,
    string Name,
    string? CatalogCode,
    ExerciseCategory Category,
    Dosage Dosage,
    string? Instructions,
    string? Precautions,
    ExerciseStatus Status,
    DateOnly PrescribedOn,
    DateOnly DosageSince,
    DateOnly? EndedOn,
    Guid? ReplacesExerciseId,
    Guid? ReplacedByExerciseId,
    ProgramChange LastChange);

/// <summary>
/// The program is a fold of its changes, ordered by effective date (ties in recording order), skipping those
/// entered in error. The same fold answers "now", "as of an effective date" and "as of a recorded version"; as of a
/// version, a change corrected only later still counts, because the record said so then. It serves the decisions,
/// <c>episode { currentProgram }</c>, the program audits and the exports alike (<see cref="CurrentProgram.Of"/>).
/// </summary>
public static class ProgramFold
{
    /// <param name="enteredInError">The episode's corrections; null when every change given stands.</param>
    public static IReadOnlyList<ProgramExercise> Exercises(IEnumerable<ProgramChange> changesInRecordingOrder,
        EnteredInErrorSet? enteredInError, DateOnly? effectiveOn = null, long? recordedVersion = null)
    {
        var exercises = new Dictionary<Guid, ProgramExercise>();
        var order = new List<Guid>();
        var relevant = changesInRecordingOrder
            .Where(c => recordedVersion is null || c.RecordedVersion <= recordedVersion)
            .Where(c => enteredInError is null || enteredInError.StandsAt(EntryKind.ProgramChange, c.ChangeId, recordedVersion))
            .Where(c => effectiveOn is null || c.EffectiveOn <= effectiveOn)
            .OrderBy(c => c.EffectiveOn);

        foreach (var change in relevant) Apply(exercises, order, change);
        return order.Select(id => exercises[id]).ToList();
    }

    private static void Apply(Dictionary<Guid, ProgramExercise> exercises, List<Guid> order, ProgramChange c)
    {
        if (c.Kind == ProgramChangeKind.Prescribed)
        {
            Add(exercises, order, NewExercise(c.ExerciseId, c, replaces: null));
            return;
        }

        // A change to an exercise whose prescription was entered in error has nothing left to change.
        if (!exercises.TryGetValue(c.ExerciseId, out var exercise)) return;

        switch (c.Kind)
        {
            case ProgramChangeKind.Progression or ProgramChangeKind.Regression or ProgramChangeKind.Modification:
                exercises[c.ExerciseId] = exercise with { Dosage = c.Dosage!, DosageSince = c.EffectiveOn, LastChange = c };
                break;
            case ProgramChangeKind.Substitution:
                exercises[c.ExerciseId] = exercise with
                {
                    Status = ExerciseStatus.Substituted, EndedOn = c.EffectiveOn, ReplacedByExerciseId = c.ReplacementExerciseId, LastChange = c,
                };
                Add(exercises, order, NewExercise(c.ReplacementExerciseId!.Value, c, replaces: c.ExerciseId));
                break;
            case ProgramChangeKind.Discontinuation:
                exercises[c.ExerciseId] = exercise with { Status = ExerciseStatus.Discontinued, EndedOn = c.EffectiveOn, LastChange = c };
                break;
        }
    }

    private static ProgramExercise NewExercise(Guid id, ProgramChange c, Guid? replaces) =>
        new(id, c.Name!, c.CatalogCode, c.Category!.Value, c.Dosage!, c.Instructions, c.Precautions,
            ExerciseStatus.Active, c.EffectiveOn, c.EffectiveOn, null, replaces, null, c);

    private static void Add(Dictionary<Guid, ProgramExercise> exercises, List<Guid> order, ProgramExercise exercise)
    {
        if (exercises.TryAdd(exercise.Id, exercise)) order.Add(exercise.Id);
    }
}
