using Marten;
using RehabLedger.Clinics;
using RehabLedger.Common;
using Wolverine.Marten;

namespace RehabLedger.Episodes;

/// <param name="ExpectedVersion">The episode version the caller last saw; a stale one is refused with CONFLICT.</param>
/// <param name="Assessment">The discharge assessment, when the discharge records one; it is dated the discharge date.</param>
public sealed record DischargeEpisode(
    Guid EpisodeId,
    long ExpectedVersion,
    DateOnly EffectiveOn,
    string Reason,
    DischargeAssessment? Assessment,
    ActorRef By) : IEpisodeCommand;

/// <summary>What a discharge assessment records: the same content as any assessment, without its own kind or date.</summary>
public sealed record DischargeAssessment(
    Guid AssessmentId,
    Guid AssessorId,
    IReadOnlyList<MeasureResult> Measures,
    IReadOnlyList<RangeOfMotionResult> RangeOfMotion,
    IReadOnlyList<MuscleTestResult> MuscleTests,
    string? Findings);

/// <summary>The events of one discharge, in the order they are appended.</summary>
public sealed record Discharge(AssessmentRecorded? Assessment, EpisodeDischarged Discharged)
{
    public IEnumerable<object> Events => Assessment is null ? [Discharged] : [Assessment, Discharged];
}

public static class DischargeEpisodeHandler
{
    public static Task<Therapist?> LoadAsync(DischargeEpisode command, IDocumentSession session, CancellationToken ct) =>
        command.Assessment is null
            ? Task.FromResult<Therapist?>(null)
            : session.LoadAsync<Therapist>(command.Assessment.AssessorId, ct);

    /// <summary>Both events are appended in the command's one transaction: a discharge is never half recorded.</summary>
    [AggregateHandler]
    public static (UpdatedAggregate, Events) Handle(DischargeEpisode command, Episode? episode, Therapist? assessor, TimeProvider clock) =>
        (new UpdatedAggregate(), [.. Decide(command, episode, assessor, clock.Today()).Events]);

    public static Discharge Decide(DischargeEpisode command, Episode? found, Therapist? assessor, DateOnly today)
    {
        var episode = EpisodeRules.Writable(found, command.EpisodeId, command.ExpectedVersion);
        EpisodeRules.WithinEpisode(command.EffectiveOn, episode, today, "effectiveOn");
        var lastAssessment = episode.StandingAssessments.Select(a => a.EffectiveOn).DefaultIfEmpty(episode.StartedOn).Max();
        Validate.That(command.EffectiveOn >= lastAssessment, "effectiveOn",
            $"effectiveOn {command.EffectiveOn:yyyy-MM-dd} is before the last assessment on {lastAssessment:yyyy-MM-dd}.");
        var discharged = new EpisodeDischarged(
            episode.Id,
            command.EffectiveOn,
            Validate.Required(command.Reason, "reason", Validate.LongText),
            command.By);
        return new Discharge(AssessmentOf(command, episode, assessor, today), discharged);
    }

    /// <summary>
    /// The discharge assessment obeys every rule of recordAssessment. Its date is the discharge date, which the
    /// discharge has already checked against the same rule, so a date error names the discharge's own effectiveOn.
    /// </summary>
    private static AssessmentRecorded? AssessmentOf(DischargeEpisode command, Episode episode, Therapist? assessor, DateOnly today)
    {
        if (command.Assessment is not { } a) return null;
        var assessment = new RecordAssessment(command.EpisodeId, command.ExpectedVersion, a.AssessmentId, AssessmentKind.Discharge,
            command.EffectiveOn, a.AssessorId, a.Measures, a.RangeOfMotion, a.MuscleTests, a.Findings, command.By);
        return RecordAssessmentHandler.Assess(assessment, episode, assessor, today, "assessment");
    }
}
