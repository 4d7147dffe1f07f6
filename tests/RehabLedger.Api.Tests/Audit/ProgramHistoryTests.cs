using RehabLedger.Audit;
using RehabLedger.Programs;
using static RehabLedger.Tests.Audit.ProgramRecord;

namespace RehabLedger.Tests.Audit;

public sealed class ProgramHistoryTests
{
    private static string[] Changes(ProgramHistoryEntry entry) =>
        entry.Changes.Select(c => $"{c.Field}: {c.From ?? "-"} -> {c.To ?? "-"}").ToArray();

    [Fact]
    public void entries_are_in_recording_order_and_skip_events_that_are_not_about_the_program()
    {
        var record = new ProgramRecord();
        var (squat, _) = record.Prescribe("Sit to stand", Dosage(3, 10), -20);
        record.SomethingElse();
        record.Adjust(squat, AdjustmentKind.Regression, Dosage(3, 10), Dosage(2, 10), -25);
        record.Discontinue(squat, -1);

        var history = ProgramHistory.Entries(record.Program);

        history.Select(e => e.Version).ShouldBe([2L, 4L, 5L]);
        history.Select(e => e.Kind).ShouldBe([ProgramHistoryKind.Prescribed, ProgramHistoryKind.Regression, ProgramHistoryKind.Discontinuation]);
        history.ShouldAllBe(e => e.ExerciseName == "Sit to stand");
        // Recording order, not effective order: the back-dated regression stays where it was recorded.
        history[1].EffectiveOn.ShouldBe(Today.AddDays(-25));
    }

    [Fact]
    public void a_prescription_sets_each_given_dosage_field_and_an_adjustment_shows_only_what_differs()
    {
        var record = new ProgramRecord();
        var (squat, _) = record.Prescribe("Sit to stand", Dosage(3, 10), -20);
        record.Adjust(squat, AdjustmentKind.Progression, Dosage(3, 10), Dosage(4, 12), -10);

        var history = ProgramHistory.Entries(record.Program);

        Changes(history[0]).ShouldBe(["sets: - -> 3", "repetitions: - -> 10", "frequencyPerWeek: - -> 3", "targetRpe: - -> 5", "setting: - -> Home"]);
        Changes(history[1]).ShouldBe(["sets: 3 -> 4", "repetitions: 10 -> 12"]);
    }

    [Fact]
    public void a_substitution_names_both_exercises_and_a_discontinuation_its_end()
    {
        var record = new ProgramRecord();
        var (raise, _) = record.Prescribe("Heel raise", Dosage(3, 15), -20);
        var (single, _) = record.Substitute(raise, "Single-leg heel raise", Dosage(2, 10), -10);
        record.Discontinue(single, -2);

        var history = ProgramHistory.Entries(record.Program);

        history[1].ExerciseId.ShouldBe(raise);
        history[1].ExerciseName.ShouldBe("Heel raise");
        Changes(history[1]).ShouldBe(["exercise: Heel raise -> Single-leg heel raise", $"exerciseId: {raise} -> {single}"]);
        history[2].ExerciseName.ShouldBe("Single-leg heel raise");
        Changes(history[2]).ShouldBe(["status: Active -> Discontinued"]);
    }

    [Fact]
    public void a_correction_is_an_entry_of_its_own_linked_both_ways_to_the_change_it_corrects()
    {
        var record = new ProgramRecord();
        var (bridge, _) = record.Prescribe("Bridge", Dosage(2, 12), -20);
        var regression = record.Adjust(bridge, AdjustmentKind.Regression, Dosage(2, 12), Dosage(2, 8), -14);
        var correctionId = record.Correct(regression, "Meant for another patient");

        var history = ProgramHistory.Entries(record.Program);

        var correction = history[2];
        correction.ChangeId.ShouldBe(correctionId);
        correction.Kind.ShouldBe(ProgramHistoryKind.Correction);
        correction.Version.ShouldBe(4);
        correction.ExerciseName.ShouldBe("Bridge");
        correction.Actor.ShouldBe(Marcus);
        correction.Reason.ShouldBe("Meant for another patient");
        correction.EffectiveOn.ShouldBe(Today);
        correction.Corrects.ShouldBe(new CorrectedChange(regression, ProgramHistoryKind.Regression));
        Changes(correction).ShouldBe([$"correctedChangeId: - -> {regression}", "correctedKind: - -> Regression"]);

        var corrected = history[1];
        corrected.CorrectedBy.ShouldBe(new CorrectionRef(correctionId, "Meant for another patient", Marcus, 4));
        history[0].CorrectedBy.ShouldBeNull();
    }

    [Fact]
    public void a_correction_of_a_prescription_keeps_the_exercise_name_in_the_history()
    {
        var record = new ProgramRecord();
        var (_, prescription) = record.Prescribe("Clamshell", Dosage(2, 15), -5);
        record.Correct(prescription);

        var history = ProgramHistory.Entries(record.Program);

        history.Select(e => e.ExerciseName).ShouldBe(["Clamshell", "Clamshell"]);
        record.Program.Exercises.ShouldBeEmpty();
    }
}
