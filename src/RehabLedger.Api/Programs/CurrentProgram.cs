using JasperFx.Events;
using Marten.Events.Aggregation;
using RehabLedger.Common;
using RehabLedger.Corrections;

namespace RehabLedger.Programs;

/// <summary>
/// A correction of a program change, kept so the program's history shows it. <see cref="CorrectionId"/> is the id of
/// the correction's event in the ledger: the correction event names its entry but carries no id of its own.
/// </summary>
public sealed record ProgramCorrection(
    Guid CorrectionId,
    Guid ChangeId,
    string Reason,
    DateOnly EffectiveOn,
    long RecordedVersion,
    ActorRef By);

/// <summary>
/// The exercise program of one episode: every exercise with its current dosage, since when, and the last
/// change with who made it and why. <see cref="ProgramVersion"/> counts the recorded program changes.
/// </summary>
public sealed class CurrentProgram
{
    public Guid Id { get; set; }
    public long ProgramVersion { get; set; }
    public List<ProgramChange> Changes { get; set; } = [];
    public List<ProgramExercise> Exercises { get; set; } = [];

    /// <summary>The corrections of program changes, in recording order.</summary>
    public List<ProgramCorrection> Corrections { get; set; } = [];

    internal void Record(ProgramChange change)
    {
        Changes.Add(change);
        Refold();
    }

    /// <summary>A correction of a program change is itself a change of the program.</summary>
    internal void Correct(EntryEnteredInError correction, Guid eventId, long version)
    {
        var index = Changes.FindIndex(c => c.ChangeId == correction.EntryId);
        if (index < 0) return;
        Changes[index] = Changes[index] with { EnteredInError = true, EnteredInErrorVersion = version };
        Corrections.Add(new ProgramCorrection(eventId, correction.EntryId, correction.Reason, correction.EffectiveOn, version, correction.By));
        Refold();
    }

    private void Refold()
    {
        ProgramVersion++;
        Exercises = ProgramFold.Exercises(Changes).ToList();
    }
}

/// <summary>
/// Inline: a program mutation answers with the program including its own change, and clinicians acting on
/// the program must never see a stale one. The fold is the same pure function the decisions use.
/// </summary>
public sealed partial class CurrentProgramProjection : SingleStreamProjection<CurrentProgram, Guid>
{
    public CurrentProgramProjection()
    {
        IncludeType<ExercisePrescribed>();
        IncludeType<ExerciseDosageAdjusted>();
        IncludeType<ExerciseSubstituted>();
        IncludeType<ExerciseDiscontinued>();
        IncludeType<EntryEnteredInError>();
    }

    public override CurrentProgram Evolve(CurrentProgram? program, Guid id, IEvent e)
    {
        program ??= new CurrentProgram { Id = id };
        var change = e.Data switch
        {
            ExercisePrescribed x => ProgramChange.From(x, e.Version),
            ExerciseDosageAdjusted x => ProgramChange.From(x, e.Version),
            ExerciseSubstituted x => ProgramChange.From(x, e.Version),
            ExerciseDiscontinued x => ProgramChange.From(x, e.Version),
            _ => null,
        };
        if (change is not null) program.Record(change);
        if (e.Data is EntryEnteredInError { Kind: EntryKind.ProgramChange } correction) program.Correct(correction, e.Id, e.Version);
        return program;
    }
}
