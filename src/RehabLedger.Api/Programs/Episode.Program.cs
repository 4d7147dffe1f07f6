using System.Text.Json.Serialization;
using JasperFx.Events;
using RehabLedger.Corrections;
using RehabLedger.Programs;

namespace RehabLedger.Episodes;

// The program part of the episode aggregate: every recorded change, from which the program is folded.
public sealed partial class Episode
{
    /// <summary>
    /// Every program change in recording order, including those later entered in error: the one stored copy of the
    /// program, which the decisions, <c>currentProgram</c>, the program audits and the exports fold (<see cref="CurrentProgram.Of"/>).
    /// </summary>
    public List<ProgramChange> ProgramChanges { get; set; } = [];

    /// <summary>The program changes that count: those not entered in error, in recording order.</summary>
    [JsonIgnore]
    public IEnumerable<ProgramChange> StandingProgramChanges => EnteredInError.Standing(ProgramChanges, EntryKind.ProgramChange, c => c.ChangeId);

    /// <summary>The program as it stands now (all exercises, ended ones included).</summary>
    [JsonIgnore]
    public IReadOnlyList<ProgramExercise> Program => ProgramFold.Exercises(ProgramChanges, EnteredInError);

    /// <summary>The program as the patient was prescribed it on <paramref name="day"/>, every correction applied.</summary>
    public IReadOnlyList<ProgramExercise> ProgramOn(DateOnly day) => ProgramFold.Exercises(ProgramChanges, EnteredInError, effectiveOn: day);

    public ProgramExercise? FindExercise(Guid exerciseId) => Program.FirstOrDefault(x => x.Id == exerciseId);

    /// <summary>Whether an exercise id was ever used in this episode, even by a change later entered in error.</summary>
    public bool ExerciseIdUsed(Guid exerciseId) =>
        ProgramChanges.Any(c => c.ExerciseId == exerciseId || c.ReplacementExerciseId == exerciseId);

    public void Apply(IEvent<ExercisePrescribed> e) => ProgramChanges.Add(ProgramChange.From(e.Data, e.Version));

    public void Apply(IEvent<ExerciseDosageAdjusted> e) => ProgramChanges.Add(ProgramChange.From(e.Data, e.Version));

    public void Apply(IEvent<ExerciseSubstituted> e) => ProgramChanges.Add(ProgramChange.From(e.Data, e.Version));

    public void Apply(IEvent<ExerciseDiscontinued> e) => ProgramChanges.Add(ProgramChange.From(e.Data, e.Version));
}
