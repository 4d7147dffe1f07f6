using RehabLedger.Corrections;
using RehabLedger.Episodes;

namespace RehabLedger.Programs;

/// <summary>
/// The exercise program of one episode: every exercise with its current dosage, since when, and the last change with
/// who made it and why. <see cref="ProgramVersion"/> counts the recorded program changes, a correction of one included.
/// Not a document of its own: the episode snapshot holds the program's changes and corrections once, for its
/// decisions, and every reader of the program folds the same two (<see cref="Of"/>), so the program a decision sees,
/// the one <c>currentProgram</c> answers and the one the audits rebuild cannot drift apart.
/// </summary>
public sealed class CurrentProgram
{
    public Guid Id { get; init; }
    public long ProgramVersion { get; init; }

    /// <summary>Every program change in recording order, those later entered in error included.</summary>
    public IReadOnlyList<ProgramChange> Changes { get; init; } = [];

    /// <summary>The episode's corrections, which the program's folds apply.</summary>
    public EnteredInErrorSet EnteredInError { get; init; } = new();

    /// <summary>The exercises as the program stands now, ended ones included.</summary>
    public IReadOnlyList<ProgramExercise> Exercises { get; init; } = [];

    /// <summary>The corrections of program changes, in recording order.</summary>
    public IEnumerable<Correction> Corrections => EnteredInError.OfKind(EntryKind.ProgramChange);

    public static CurrentProgram Of(Episode episode) => new()
    {
        Id = episode.Id,
        ProgramVersion = episode.ProgramChanges.Count + episode.EnteredInError.OfKind(EntryKind.ProgramChange).Count(),
        Changes = episode.ProgramChanges,
        EnteredInError = episode.EnteredInError,
        Exercises = episode.Program,
    };

    /// <summary>The program of an episode with no record yet: nothing prescribed.</summary>
    public static CurrentProgram Empty(Guid episodeId) => new() { Id = episodeId };
}
