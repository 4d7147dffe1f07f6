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
/// The facts an episode's progress is computed from: assessments, goals, session outcomes, home logs and the program,
/// gathered from the <see cref="Episode"/> snapshot and its session and home-log documents when read. Verdicts, rates
/// and adherence depend on the rules and on "today", so they are derived from these facts (<see cref="EpisodeProgressView"/>);
/// nothing here is stored, so there is no progress document to keep in step with the record or to rebuild.
/// </summary>
public sealed class EpisodeProgress
{
    public Guid Id { get; init; }
    public DateOnly StartedOn { get; init; }
    public DateOnly? DischargedOn { get; init; }
    public IReadOnlyList<Assessment> Assessments { get; init; } = [];
    public IReadOnlyList<Goal> Goals { get; init; } = [];
    public IReadOnlyList<SessionOutcome> Sessions { get; init; } = [];
    public IReadOnlyList<HomeLogEntry> HomeLogs { get; init; } = [];
    public IReadOnlyList<ProgramChange> ProgramChanges { get; init; } = [];

    public static EpisodeProgress Of(Episode episode, EpisodeSessions entries) => new()
    {
        Id = episode.Id,
        StartedOn = episode.StartedOn,
        DischargedOn = episode.DischargedOn,
        Assessments = episode.Assessments,
        Goals = episode.Goals,
        ProgramChanges = episode.ProgramChanges,
        Sessions = entries.Sessions.Select(s =>
            new SessionOutcome(s.Id, s.Date, s.Attendance, s.PainBefore, s.PainAfter, s.Rpe, s.AdverseEvents) { EnteredInError = s.EnteredInError })
            .ToList(),
        HomeLogs = entries.HomeLogs.Select(l => new HomeLogEntry(l.Id, l.Date, l.ExerciseId) { EnteredInError = l.EnteredInError }).ToList(),
    };
}
