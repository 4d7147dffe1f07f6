using System.ComponentModel;
using RehabLedger.Programs;

namespace RehabLedger.Progress;

/// <summary>A home exercise completion as adherence counts it: one log is one completion.</summary>
public sealed record HomeCompletion(DateOnly Date, Guid ExerciseId);

/// <summary>Home-program adherence of one calendar week, Monday to Sunday.</summary>
[Description("Home-program adherence of one calendar week, Monday to Sunday.")]
public sealed record WeeklyAdherence(
    [property: Description("The Monday of the week.")] DateOnly WeekStart,
    [property: Description("Sum of frequency per week of the home exercises active that week.")] int Prescribed,
    [property: Description("Home exercise logs for them that week; one log is one completion.")] int Done,
    [property: Description("done / prescribed x 100, one decimal, not capped.")] decimal? Percent);

/// <summary>
/// Home adherence per calendar week (docs/03-read-models.md, Progress): prescribed = the sum of frequency per week of the home-setting
/// exercises active that week; done = the number of log entries for them that week. An exercise is active on the
/// days from its prescription up to, not including, the day it ended; its setting and frequency are those in force
/// on its last active day of the week. It is given the standing changes (those not entered in error). Weeks run from the first week with a home exercise to the week of
/// <c>through</c>; weeks with nothing prescribed and nothing done are left out.
/// </summary>
public static class HomeAdherence
{
    public static IReadOnlyList<WeeklyAdherence> PerWeek(
        IReadOnlyList<ProgramChange> programChanges, IEnumerable<HomeCompletion> completions, DateOnly through)
    {
        var firstHome = programChanges
            .Where(c => c.Dosage?.Setting == ExerciseSetting.Home)
            .Select(c => (DateOnly?)c.EffectiveOn)
            .Min();
        if (firstHome is null || firstHome > through) return [];

        var logs = completions.ToList();
        var weeks = new List<WeeklyAdherence>();
        for (var monday = WeekStart(firstHome.Value); monday <= through; monday = monday.AddDays(7))
        {
            var homeExercises = HomeFrequencies(programChanges, monday);
            var prescribed = homeExercises.Values.Sum();
            var done = logs.Count(l => l.Date >= monday && l.Date <= monday.AddDays(6) && homeExercises.ContainsKey(l.ExerciseId));
            if (prescribed == 0 && done == 0) continue;
            decimal? percent = prescribed == 0 ? null : Math.Round(done * 100m / prescribed, 1, MidpointRounding.AwayFromZero);
            weeks.Add(new WeeklyAdherence(monday, prescribed, done, percent));
        }
        return weeks;
    }

    public static DateOnly WeekStart(DateOnly date) => date.AddDays(-(((int)date.DayOfWeek + 6) % 7));

    /// <summary>Home-setting exercises active in the week starting on <paramref name="monday"/>, with their frequency.</summary>
    private static Dictionary<Guid, int> HomeFrequencies(IReadOnlyList<ProgramChange> changes, DateOnly monday)
    {
        var sunday = monday.AddDays(6);
        var result = new Dictionary<Guid, int>();
        foreach (var exercise in ProgramFold.Exercises(changes, enteredInError: null, effectiveOn: sunday))
        {
            if (exercise.PrescribedOn > sunday || exercise.EndedOn is { } ended && ended <= monday) continue;
            var lastActiveDay = exercise.EndedOn is { } end && end <= sunday ? end.AddDays(-1) : sunday;
            var inForce = ProgramFold.Exercises(changes, enteredInError: null, effectiveOn: lastActiveDay).Single(x => x.Id == exercise.Id).Dosage;
            if (inForce.Setting == ExerciseSetting.Home) result[exercise.Id] = inForce.FrequencyPerWeek;
        }
        return result;
    }
}
