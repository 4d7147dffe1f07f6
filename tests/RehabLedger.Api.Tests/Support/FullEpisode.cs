using Alba;

namespace RehabLedger.Tests.Support;

/// <summary>
/// An episode recorded from evaluation to discharge, with at least one event of every episode event type.
/// <see cref="Corrected"/> holds the entries later marked entered in error, in the order they were recorded.
/// </summary>
public sealed record FullEpisode(EpisodeSetup Setup, IReadOnlyList<Guid> Corrected, long Version);

public static class FullEpisodes
{
    /// <summary>
    /// Records a whole episode through GraphQL, as a clinic would over six weeks: evaluation, certification, goals,
    /// a program with a progression, a regression, a substitution and a discontinuation, sessions (one cancelled),
    /// home logs, re-assessment, progress report, goal revision and status, corrections of a goal, a program change and a
    /// home log, and discharge.
    /// </summary>
    public static async Task<FullEpisode> RecordFullEpisode(this IAlbaHost host, DateOnly today)
    {
        var start = today.AddDays(-40);
        var e = await host.OpenEpisode(start);
        var (_, v) = await host.Assess(e, e.Version, start, "INITIAL", new { code = "LEFS", value = 38 }, new { code = "NPRS", value = 7 });
        v = await host.Certify(e, v, start, start.AddDays(89), Guid.NewGuid());
        (var stairs, v) = await host.SetGoal(GoalsApi.GoalInput(e, v, start.AddDays(1), measureCode: "LEFS", target: 60, targetDate: today.AddDays(30)));
        (var walk, v) = await host.SetGoal(GoalsApi.GoalInput(e, v, start.AddDays(1), description: "Walk to the shop and back"));
        (var wrongGoal, v) = await host.SetGoal(GoalsApi.GoalInput(e, v, start.AddDays(2), description: "Return to tennis"));
        v = await host.MarkEnteredInError(e.EpisodeId, v, wrongGoal, "Goal of another patient");

        (var squat, v) = await host.PrescribeExercise(e.EpisodeId, v, start.AddDays(1));
        (var bridge, v) = await host.PrescribeExercise(e.EpisodeId, v, start.AddDays(1), "Bridge", ProgramApi.Dosage(setting: "CLINIC"), "STRENGTHENING");
        v = await host.RecordSession(e, v, start.AddDays(3), Guid.NewGuid(), squat, bridge);
        v = await host.LogHomeExercise(e, v, start.AddDays(4), squat, Guid.NewGuid());
        v = await host.RecordSession(e, v, start.AddDays(5), Guid.NewGuid(), squat, bridge);
        var wrongLog = Guid.NewGuid();
        v = await host.LogHomeExercise(e, v, start.AddDays(6), squat, wrongLog);
        var cancelled = (await host.GraphQL(SessionsApi.RecordSessionMutation, new { input = SessionsApi.MissedInput(e, v, start.AddDays(7), "CANCELLED") })).Ok();
        v = cancelled["recordSession"]!["version"]!.GetValue<long>();

        v = await host.Adjust(e.EpisodeId, v, squat, "PROGRESSION", ProgramApi.Dosage(repetitions: 15), "Easy at RPE 3", start.AddDays(8));
        v = await host.Adjust(e.EpisodeId, v, squat, "MODIFICATION", ProgramApi.Dosage(repetitions: 15, frequencyPerWeek: 5), "Typed in the wrong episode",
            start.AddDays(9));
        var wrongChange = await host.LastChangeOf(e.EpisodeId, squat);
        v = await host.MarkEnteredInError(e.EpisodeId, v, wrongChange, "Belongs to another episode");
        v = await host.Adjust(e.EpisodeId, v, bridge, "REGRESSION", ProgramApi.Dosage(sets: 2, setting: "CLINIC"), "Back pain at 3 sets", start.AddDays(8));
        (var singleLeg, v) = await host.Substitute(e.EpisodeId, v, bridge, "Single-leg bridge", "Bridge too easy now", start.AddDays(12));
        v = await host.RecordSession(e, v, start.AddDays(14), Guid.NewGuid(), squat, singleLeg);

        (_, v) = await host.Assess(e, v, start.AddDays(20), "RE_ASSESSMENT", new { code = "LEFS", value = 50 }, new { code = "NPRS", value = 4 });
        v = await host.IssueProgressReport(e, v, start.AddDays(20), "Progress step-ups",
            (stairs, "Climbs with one rail"), (walk, "Walks halfway"));
        var revised = (await host.GraphQL(GoalsApi.ReviseGoalMutation, new
        {
            input = new { episodeId = e.EpisodeId, expectedVersion = v, goalId = walk, targetDate = today.AddDays(10).ToString("yyyy-MM-dd"),
                reason = "Shop moved further away", effectiveOn = start.AddDays(21).ToString("yyyy-MM-dd") },
        })).Ok();
        v = revised["reviseGoal"]!["version"]!.GetValue<long>();
        v = await host.SetGoalStatus(e, v, walk, "ACHIEVED", start.AddDays(30));
        v = await host.MarkEnteredInError(e.EpisodeId, v, wrongLog, "Logged on the wrong day");
        v = await host.Discontinue(e.EpisodeId, v, singleLeg, "Goal met", start.AddDays(35));
        v = await host.Discharge(e, v, today.AddDays(-1));
        return new FullEpisode(e, [wrongGoal, wrongLog, wrongChange], v);
    }
}
