using RehabLedger.Common;
using RehabLedger.Episodes;
using Wolverine.Marten;

namespace RehabLedger.Goals;

/// <param name="GoalSummaries">Progress toward each goal; every goal active on <paramref name="EffectiveOn"/> needs one.</param>
/// <param name="ExpectedVersion">The episode version the caller last saw; a stale one is refused with CONFLICT.</param>
public sealed record IssueProgressReport(
    Guid EpisodeId,
    long ExpectedVersion,
    Guid ReportId,
    IReadOnlyList<GoalSummary> GoalSummaries,
    string? Plan,
    DateOnly EffectiveOn,
    ActorRef By) : IEpisodeCommand;

public static class IssueProgressReportHandler
{
    [AggregateHandler]
    public static (UpdatedAggregate, Events) Handle(IssueProgressReport command, Episode? episode, TimeProvider clock) =>
        (new UpdatedAggregate(), [Decide(command, episode, clock.Today())]);

    public static ProgressReportIssued Decide(IssueProgressReport command, Episode? found, DateOnly today)
    {
        var episode = EpisodeRules.Writable(found, command.EpisodeId, command.ExpectedVersion);
        var reportId = EpisodeRules.NewEntryId(episode, command.ReportId, "id", "progress report");
        EpisodeRules.WithinEpisode(command.EffectiveOn, episode, today, "effectiveOn");
        var plan = Validate.Optional(command.Plan, "plan", Validate.LongText);
        var summaries = ValidSummaries(command.GoalSummaries, episode, command.EffectiveOn);
        EveryActiveGoalSummarised(episode, summaries, command.EffectiveOn);
        Validate.That(summaries.Count > 0 || plan is not null, FieldPath.Command, "A progress report needs at least one goal summary or a plan.");
        return new ProgressReportIssued(episode.Id, reportId, summaries, plan, command.EffectiveOn, command.By);
    }

    private static List<GoalSummary> ValidSummaries(IReadOnlyList<GoalSummary> summaries, Episode episode, DateOnly reportDate)
    {
        var seen = new HashSet<Guid>();
        return summaries.Select((s, i) =>
        {
            var field = $"goalSummaries[{i}]";
            var goal = GoalRules.Live(episode, s.GoalId, $"{field}.goalId", "cannot be reported on");
            Validate.That(goal.EffectiveOn <= reportDate, $"{field}.goalId",
                $"Goal {goal.Id} was set on {goal.EffectiveOn:yyyy-MM-dd}, after the report's date {reportDate:yyyy-MM-dd}.");
            Validate.That(seen.Add(goal.Id), $"{field}.goalId", $"Goal {goal.Id} appears more than once in this report.");
            return new GoalSummary(goal.Id, Validate.Required(s.Summary, $"{field}.summary", Validate.LongText));
        }).ToList();
    }

    /// <summary>Medicare expects progress toward each goal: every goal active on the report's date needs a summary.</summary>
    private static void EveryActiveGoalSummarised(Episode episode, List<GoalSummary> summaries, DateOnly reportDate)
    {
        var missing = episode.StandingGoals.FirstOrDefault(g =>
            g.EffectiveOn <= reportDate
            && GoalProgress.Status(g, reportDate) == GoalStatus.Active
            && summaries.All(s => s.GoalId != g.Id));
        Validate.That(missing is null, "goalSummaries",
            $"Goal {missing?.Id} (\"{missing?.Description}\") is active on {reportDate:yyyy-MM-dd}: the report needs a summary of progress toward it.");
    }
}
