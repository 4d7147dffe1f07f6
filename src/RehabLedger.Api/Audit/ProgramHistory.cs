using System.ComponentModel;
using RehabLedger.Common;
using RehabLedger.Programs;

namespace RehabLedger.Audit;

public enum ProgramHistoryKind
{
    Prescribed,
    Progression,
    Regression,
    Modification,
    Substitution,
    Discontinuation,
    Correction,
}

/// <summary>One field an entry changed, from and to, as text; null where there was no value.</summary>
[Description("One field a change set, from and to, as text.")]
public sealed record FieldChange(
    [property: Description("The field, for example sets or dosage.")] string Field,
    [property: Description("Null when the field had no value before.")] string? From,
    [property: Description("Null when the field has no value after.")] string? To);

/// <summary>The change a correction names.</summary>
[Description("The program change a correction marked as entered in error.")]
public sealed record CorrectedChange(
    [property: Description("The corrected change's id.")] Guid ChangeId,
    [property: Description("What the corrected change was.")] ProgramHistoryKind Kind);

/// <summary>A later correction of an entry: its id, why, who, and its place in the stream.</summary>
public sealed record CorrectionRef(Guid ChangeId, string Reason, ActorRef By, long Version)
{
    public DateTimeOffset RecordedAt { get; init; }
}

/// <summary>
/// One change to a program as the audit reads it. The recorded time and correlation live in the events table, not
/// in the read model; they are filled in for the entries of one page (<see cref="ProgramHistoryQuery"/>).
/// </summary>
public sealed record ProgramHistoryEntry(
    Guid ChangeId,
    ProgramHistoryKind Kind,
    Guid ExerciseId,
    string ExerciseName,
    IReadOnlyList<FieldChange> Changes,
    ActorRef Actor,
    DateOnly EffectiveOn,
    string? Reason,
    long Version,
    CorrectedChange? Corrects,
    CorrectionRef? CorrectedBy)
{
    public DateTimeOffset RecordedAt { get; init; }
    public string? CorrelationId { get; init; }
}

/// <summary>
/// Every change to a program and every correction of one, in recording order, field by field. A pure function of
/// the program (<see cref="CurrentProgram.Of"/>), so its cost follows the program's changes, never the stream's length.
/// </summary>
public static class ProgramHistory
{
    public static IReadOnlyList<ProgramHistoryEntry> Entries(CurrentProgram program)
    {
        var names = ExerciseNames(program.Changes);
        var changesById = program.Changes.ToDictionary(c => c.ChangeId);
        var correctionOf = program.Corrections.ToDictionary(c => c.EntryId);

        var changes = program.Changes.Select(c => new ProgramHistoryEntry(
            c.ChangeId, KindOf(c.Kind), c.ExerciseId, names.GetValueOrDefault(c.ExerciseId, ""), FieldChanges(c, names), c.By,
            c.EffectiveOn, c.Reason, c.RecordedVersion, null,
            correctionOf.TryGetValue(c.ChangeId, out var x) ? new CorrectionRef(x.CorrectionId, x.Reason, x.By, x.Version) : null));

        var corrections = program.Corrections.Select(x =>
        {
            var corrected = changesById[x.EntryId];
            var kind = KindOf(corrected.Kind);
            return new ProgramHistoryEntry(
                x.CorrectionId, ProgramHistoryKind.Correction, corrected.ExerciseId, names.GetValueOrDefault(corrected.ExerciseId, ""),
                [new FieldChange("correctedChangeId", null, x.EntryId.ToString()), new FieldChange("correctedKind", null, kind.ToString())],
                x.By, x.EffectiveOn, x.Reason, x.Version, new CorrectedChange(x.EntryId, kind), null);
        });

        return changes.Concat(corrections).OrderBy(e => e.Version).ToList();
    }

    public static ProgramHistoryKind KindOf(ProgramChangeKind kind) => kind switch
    {
        ProgramChangeKind.Prescribed => ProgramHistoryKind.Prescribed,
        ProgramChangeKind.Progression => ProgramHistoryKind.Progression,
        ProgramChangeKind.Regression => ProgramHistoryKind.Regression,
        ProgramChangeKind.Modification => ProgramHistoryKind.Modification,
        ProgramChangeKind.Substitution => ProgramHistoryKind.Substitution,
        ProgramChangeKind.Discontinuation => ProgramHistoryKind.Discontinuation,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a program change kind."),
    };

    /// <summary>
    /// A prescription sets every dosage parameter it gives (from none); an adjustment changes the parameters that
    /// differ; a substitution replaces one exercise with another; a discontinuation ends one.
    /// </summary>
    public static IReadOnlyList<FieldChange> FieldChanges(ProgramChange c, IReadOnlyDictionary<Guid, string> names) => c.Kind switch
    {
        ProgramChangeKind.Prescribed => Dosage(DosageRules.Differences(null, c.Dosage!)),
        ProgramChangeKind.Progression or ProgramChangeKind.Regression or ProgramChangeKind.Modification =>
            Dosage(DosageRules.Differences(c.PreviousDosage, c.Dosage!)),
        ProgramChangeKind.Substitution =>
        [
            new FieldChange("exercise", names.GetValueOrDefault(c.ExerciseId), c.Name),
            new FieldChange("exerciseId", c.ExerciseId.ToString(), c.ReplacementExerciseId.ToString()),
        ],
        ProgramChangeKind.Discontinuation =>
            [new FieldChange("status", nameof(ExerciseStatus.Active), nameof(ExerciseStatus.Discontinued))],
        _ => [],
    };

    private static IReadOnlyList<FieldChange> Dosage(IReadOnlyList<DosageChange> changes) =>
        changes.Select(d => new FieldChange(d.Parameter, d.From, d.To)).ToList();

    /// <summary>Names by exercise id, from every prescription and substitution, those entered in error included.</summary>
    private static Dictionary<Guid, string> ExerciseNames(IEnumerable<ProgramChange> changes)
    {
        var names = new Dictionary<Guid, string>();
        foreach (var c in changes)
        {
            if (c.Kind == ProgramChangeKind.Prescribed) names[c.ExerciseId] = c.Name!;
            if (c.Kind == ProgramChangeKind.Substitution) names[c.ReplacementExerciseId!.Value] = c.Name!;
        }
        return names;
    }
}
