using RehabLedger.Common;
using RehabLedger.Programs;
using RehabLedger.Progress;

namespace RehabLedger.Tests.Progress;

public sealed class HomeAdherenceTests
{
    // 2026-03-02 is a Monday.
    private static readonly DateOnly Monday = new(2026, 3, 2);
    private static readonly Dosage Home3 = new(2, 10, null, null, null, null, null, 3, null, ExerciseSetting.Home);
    private static long _version;

    private static ProgramChange Prescribed(Guid id, DateOnly on, Dosage? dosage = null) =>
        new(Guid.NewGuid(), id, ProgramChangeKind.Prescribed, on, ++_version, ActorRef.DemoSeeder, null,
            dosage ?? Home3, null, "Heel raises", null, ExerciseCategory.Strengthening);

    private static ProgramChange Adjusted(Guid id, DateOnly on, Dosage to) =>
        new(Guid.NewGuid(), id, ProgramChangeKind.Progression, on, ++_version, ActorRef.DemoSeeder, "progress", to, Home3);

    private static ProgramChange Discontinued(Guid id, DateOnly on) =>
        new(Guid.NewGuid(), id, ProgramChangeKind.Discontinuation, on, ++_version, ActorRef.DemoSeeder, "done");

    [Fact]
    public void weeks_run_monday_to_sunday_and_count_one_completion_per_log()
    {
        var id = Guid.NewGuid();
        var weeks = HomeAdherence.PerWeek([Prescribed(id, Monday.AddDays(2))],
            [new(Monday.AddDays(2), id), new(Monday.AddDays(6), id), new(Monday.AddDays(7), id)], through: Monday.AddDays(8));

        weeks.Count.ShouldBe(2);
        weeks[0].ShouldBe(new WeeklyAdherence(Monday, 3, 2, 66.7m));
        weeks[1].ShouldBe(new WeeklyAdherence(Monday.AddDays(7), 3, 1, 33.3m));
    }

    [Fact]
    public void clinic_exercises_and_their_logs_do_not_count()
    {
        var home = Guid.NewGuid();
        var clinic = Guid.NewGuid();
        var weeks = HomeAdherence.PerWeek(
            [Prescribed(home, Monday), Prescribed(clinic, Monday, Home3 with { Setting = ExerciseSetting.Clinic, FrequencyPerWeek = 2 })],
            [new(Monday, home), new(Monday, clinic)], through: Monday.AddDays(6));

        weeks.ShouldHaveSingleItem().ShouldBe(new WeeklyAdherence(Monday, 3, 1, 33.3m));
    }

    [Fact]
    public void frequency_is_the_one_in_force_at_the_end_of_the_week_and_ended_exercises_stop_counting()
    {
        var a = Guid.NewGuid();
        var b = Guid.NewGuid();
        var weeks = HomeAdherence.PerWeek(
            [Prescribed(a, Monday), Adjusted(a, Monday.AddDays(3), Home3 with { FrequencyPerWeek = 5 }),
             Prescribed(b, Monday), Discontinued(b, Monday.AddDays(7))],
            [], through: Monday.AddDays(13));

        weeks.Select(w => w.Prescribed).ShouldBe([8, 5]);
    }

    [Fact]
    public void more_done_than_prescribed_is_reported_as_is_not_capped()
    {
        var id = Guid.NewGuid();
        var weeks = HomeAdherence.PerWeek([Prescribed(id, Monday, Home3 with { FrequencyPerWeek = 1 })],
            [new(Monday, id), new(Monday.AddDays(1), id)], through: Monday);
        weeks.Single().Percent.ShouldBe(200m);
    }

    [Fact]
    public void no_home_exercise_means_no_weeks() =>
        HomeAdherence.PerWeek([], [], Monday).ShouldBeEmpty();
}
