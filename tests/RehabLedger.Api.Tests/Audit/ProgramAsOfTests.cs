using RehabLedger.Corrections;
using RehabLedger.Audit;
using RehabLedger.Common;
using RehabLedger.Programs;
using static RehabLedger.Tests.Audit.ProgramRecord;

namespace RehabLedger.Tests.Audit;

/// <summary>The as-of fold and the rule that exactly one instant is asked for, without a host.</summary>
public sealed class ProgramAsOfTests
{
    private static string[] Describe(IEnumerable<ProgramExercise> exercises) =>
        exercises.Select(x => $"{x.Name} {x.Status} {x.Dosage.Repetitions}").ToArray();

    [Fact]
    public void a_correction_marks_the_change_with_the_version_that_corrected_it()
    {
        var record = new ProgramRecord();
        var (bridge, _) = record.Prescribe("Bridge", Dosage(2, 12), -20);
        var regression = record.Adjust(bridge, AdjustmentKind.Regression, Dosage(2, 12), Dosage(2, 8), -14);
        record.Correct(regression);

        var correction = record.Program.EnteredInError.Of(EntryKind.ProgramChange, regression).ShouldNotBeNull();
        correction.Version.ShouldBe(4);
    }

    [Fact]
    public void as_of_a_version_a_change_corrected_only_later_still_counts()
    {
        var record = new ProgramRecord();
        var (bridge, _) = record.Prescribe("Bridge", Dosage(2, 12), -20);
        var regression = record.Adjust(bridge, AdjustmentKind.Regression, Dosage(2, 12), Dosage(2, 8), -14);
        record.SomethingElse();
        record.Correct(regression);
        var changes = record.Program.Changes;

        Describe(ProgramFold.Exercises(changes, record.Program.EnteredInError, recordedVersion: 1)).ShouldBeEmpty();
        Describe(ProgramFold.Exercises(changes, record.Program.EnteredInError, recordedVersion: 2)).ShouldBe(["Bridge Active 12"]);
        Describe(ProgramFold.Exercises(changes, record.Program.EnteredInError, recordedVersion: 3)).ShouldBe(["Bridge Active 8"]);
        Describe(ProgramFold.Exercises(changes, record.Program.EnteredInError, recordedVersion: 4)).ShouldBe(["Bridge Active 8"]);
        Describe(ProgramFold.Exercises(changes, record.Program.EnteredInError, recordedVersion: 5)).ShouldBe(["Bridge Active 12"]);
        // Now, and by effective date, the correction applies.
        Describe(ProgramFold.Exercises(changes, record.Program.EnteredInError)).ShouldBe(["Bridge Active 12"]);
        Describe(ProgramFold.Exercises(changes, record.Program.EnteredInError, effectiveOn: Today.AddDays(-14))).ShouldBe(["Bridge Active 12"]);
        Describe(record.Program.Exercises).ShouldBe(["Bridge Active 12"]);
    }

    [Fact]
    public void as_of_a_version_a_back_dated_change_counts_only_once_recorded_and_then_in_its_effective_place()
    {
        var record = new ProgramRecord();
        var (squat, _) = record.Prescribe("Sit to stand", Dosage(3, 10), -28);
        record.Adjust(squat, AdjustmentKind.Progression, Dosage(3, 10), Dosage(3, 15), -21);
        record.Adjust(squat, AdjustmentKind.Progression, Dosage(3, 10), Dosage(3, 12), -25);
        var changes = record.Program.Changes;

        Describe(ProgramFold.Exercises(changes, record.Program.EnteredInError, recordedVersion: 3)).ShouldBe(["Sit to stand Active 15"]);
        Describe(ProgramFold.Exercises(changes, record.Program.EnteredInError, recordedVersion: 4)).ShouldBe(["Sit to stand Active 15"]);
        Describe(ProgramFold.Exercises(changes, record.Program.EnteredInError, effectiveOn: Today.AddDays(-23))).ShouldBe(["Sit to stand Active 12"]);
    }

    [Fact]
    public void exactly_one_instant_is_accepted()
    {
        Should.NotThrow(() => ProgramAsOfQuery.Check(DateTimeOffset.UtcNow, null, null));
        Should.NotThrow(() => ProgramAsOfQuery.Check(null, Today, null));
        Should.NotThrow(() => ProgramAsOfQuery.Check(null, null, 0));

        Should.Throw<ClinicalRuleViolation>(() => ProgramAsOfQuery.Check(null, null, null)).Field.ShouldBe("recordedAt");
        var two = Should.Throw<ClinicalRuleViolation>(() => ProgramAsOfQuery.Check(DateTimeOffset.UtcNow, Today, null));
        two.Code.ShouldBe(ErrorCodes.ValidationFailed);
        two.Field.ShouldBe("effectiveOn");
        two.Message.ShouldBe("Give one of recordedAt, effectiveOn or version, not recordedAt and effectiveOn.");
        Should.Throw<ClinicalRuleViolation>(() => ProgramAsOfQuery.Check(DateTimeOffset.UtcNow, Today, 3)).Field.ShouldBe("version");
        Should.Throw<ClinicalRuleViolation>(() => ProgramAsOfQuery.Check(null, null, -1)).Field.ShouldBe("version");
    }
}
