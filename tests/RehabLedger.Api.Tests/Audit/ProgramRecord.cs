using JasperFx.Events;
using RehabLedger.Common;
using RehabLedger.Corrections;
using RehabLedger.Episodes;
using RehabLedger.Programs;

namespace RehabLedger.Tests.Audit;

/// <summary>
/// A <see cref="CurrentProgram"/> folded in memory from a real <see cref="Episode"/> snapshot, one event per stream
/// version, for the host-free tests of the history and the as-of fold.
/// </summary>
public sealed class ProgramRecord
{
    public static readonly DateOnly Today = new(2026, 3, 18);
    public static readonly ActorRef Dana = new("pt-dana", "physical-therapist", "Dana Whitfield");
    public static readonly ActorRef Marcus = new("pta-marcus", "physical-therapist-assistant", "Marcus Oyelaran");

    private readonly Guid _episodeId;
    private readonly Episode _episode;

    public ProgramRecord()
    {
        _episodeId = Guid.NewGuid();
        _episode = new Episode { Id = _episodeId, Version = 1 };
    }

    public CurrentProgram Program => CurrentProgram.Of(_episode);

    /// <summary>The stream version of the last event; version 1 is the episode's opening, which the program ignores.</summary>
    public long Version { get; private set; } = 1;

    public static Dosage Dosage(int sets, int repetitions) => new(sets, repetitions, null, null, null, null, null, 3, 5, ExerciseSetting.Home);

    public (Guid ExerciseId, Guid ChangeId) Prescribe(string name, Dosage dosage, int day, ActorRef? by = null)
    {
        var (exerciseId, changeId) = (Guid.NewGuid(), Guid.NewGuid());
        Record(new ExercisePrescribed(_episodeId, exerciseId, changeId, name, null, ExerciseCategory.Strengthening, dosage, null, null,
            "Initial program", Today.AddDays(day), by ?? Dana));
        return (exerciseId, changeId);
    }

    public Guid Adjust(Guid exerciseId, AdjustmentKind kind, Dosage from, Dosage to, int day, ActorRef? by = null)
    {
        var changeId = Guid.NewGuid();
        Record(new ExerciseDosageAdjusted(_episodeId, exerciseId, changeId, kind, from, to, "Tolerance", Today.AddDays(day), by ?? Dana));
        return changeId;
    }

    public (Guid ReplacementId, Guid ChangeId) Substitute(Guid exerciseId, string name, Dosage dosage, int day)
    {
        var (replacementId, changeId) = (Guid.NewGuid(), Guid.NewGuid());
        Record(new ExerciseSubstituted(_episodeId, exerciseId, changeId, replacementId, name, null, ExerciseCategory.Strengthening, dosage,
            null, null, "Too easy", Today.AddDays(day), Marcus));
        return (replacementId, changeId);
    }

    public Guid Discontinue(Guid exerciseId, int day)
    {
        var changeId = Guid.NewGuid();
        Record(new ExerciseDiscontinued(_episodeId, exerciseId, changeId, "Goal met", Today.AddDays(day), Dana));
        return changeId;
    }

    /// <summary>Marks an entry entered in error; answers the correction event's id.</summary>
    public Guid Correct(Guid changeId, string reason = "Wrong patient") =>
        Record(new EntryEnteredInError(_episodeId, changeId, EntryKind.ProgramChange, reason, Today, Marcus));

    /// <summary>An event that is not about the program: it takes a version and changes nothing.</summary>
    public void SomethingElse() => Version++;

    private Guid Record<T>(T data) where T : notnull
    {
        var e = new Event<T>(data) { Version = ++Version, Id = Guid.NewGuid() };
        switch (e)
        {
            case IEvent<ExercisePrescribed> x: _episode.Apply(x); break;
            case IEvent<ExerciseDosageAdjusted> x: _episode.Apply(x); break;
            case IEvent<ExerciseSubstituted> x: _episode.Apply(x); break;
            case IEvent<ExerciseDiscontinued> x: _episode.Apply(x); break;
            case IEvent<EntryEnteredInError> x: _episode.Apply(x); break;
        }
        return e.Id;
    }
}
