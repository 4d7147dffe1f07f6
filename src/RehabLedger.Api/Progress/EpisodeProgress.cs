using RehabLedger.Episodes;
using RehabLedger.Goals;
using RehabLedger.Programs;
using RehabLedger.Sessions;

namespace RehabLedger.Progress;

/// <summary>A session's outcome as progress needs it: attendance, pain, exertion, adverse events.</summary>
public sealed record SessionOutcome(
    Guid Id, DateOnly Date, Attendance Attendance, int? PainBefore, int? PainAfter, int? Rpe, IReadOnlyList<AdverseEvent> AdverseEvents)
{
    public bool EnteredInError { get; set; }
}

/// <summary>A home exercise log as progress needs it.</summary>
public sealed record HomeLogEntry(Guid Id, DateOnly Date, Guid ExerciseId)
{
    public bool EnteredInError { get; set; }
}

/// <summary>
/// The facts an episode's progress is computed from: assessments, goals, session outcomes, home logs and the program.
/// Verdicts, rates and adherence depend on the rules and on "today", so they are derived when read
/// (<see cref="EpisodeProgressView"/>); the document keeps only what happened, which a rebuild reproduces exactly.
/// </summary>
public sealed class EpisodeProgress
{
    public Guid Id { get; set; }
    public long Version { get; set; }
    public DateOnly StartedOn { get; set; }
    public DateOnly? DischargedOn { get; set; }
    public List<Assessment> Assessments { get; set; } = [];
    public List<Goal> Goals { get; set; } = [];
    public List<SessionOutcome> Sessions { get; set; } = [];
    public List<HomeLogEntry> HomeLogs { get; set; } = [];
    public List<ProgramChange> ProgramChanges { get; set; } = [];

    /// <summary>Marks the entry with this id entered in error, wherever it is kept.</summary>
    internal void MarkEnteredInError(Guid entryId)
    {
        foreach (var a in Assessments.Where(a => a.Id == entryId)) a.EnteredInError = true;
        foreach (var g in Goals.Where(g => g.Id == entryId)) g.EnteredInError = true;
        foreach (var s in Sessions.Where(s => s.Id == entryId)) s.EnteredInError = true;
        foreach (var l in HomeLogs.Where(l => l.Id == entryId)) l.EnteredInError = true;
        var change = ProgramChanges.FindIndex(c => c.ChangeId == entryId);
        if (change >= 0) ProgramChanges[change] = ProgramChanges[change] with { EnteredInError = true };
    }
}
