using RehabLedger.Tests.Support;
using RehabLedger.Corrections;
using System.Globalization;
using JasperFx.Events;
using RehabLedger.Common;
using RehabLedger.Episodes;
using RehabLedger.Programs;

namespace RehabLedger.Tests.Programs;

public sealed class ProgramDecisionTests
{
    private static readonly DateOnly Today = new(2026, 3, 18);
    private static readonly ActorRef Dana = new("t-dana", "therapist", "Dana Whitfield");

    private static readonly Dosage Squats = new(3, 10, null, null, null, null, null, 3, 5, ExerciseSetting.Home);

    private static Episode Episode() => new() { Id = Guid.NewGuid(), StartedOn = Today.AddDays(-30), Version = 1 };

    /// <summary>Applies an event the way Marten would: through the aggregate's Apply, bumping the version.</summary>
    private static void Apply<T>(Episode e, T data) where T : notnull
    {
        e.Version++;
        switch (data)
        {
            case ExercisePrescribed x: e.Apply(Wrap(x, e.Version)); break;
            case ExerciseDosageAdjusted x: e.Apply(Wrap(x, e.Version)); break;
            case ExerciseSubstituted x: e.Apply(Wrap(x, e.Version)); break;
            case ExerciseDiscontinued x: e.Apply(Wrap(x, e.Version)); break;
        }
    }

    private static IEvent<T> Wrap<T>(T data, long version) where T : notnull => new Event<T>(data) { Version = version };

    private static PrescribeExercise Prescribe(Episode e, Guid? id = null, Dosage? dosage = null, DateOnly? on = null) =>
        new(e.Id, e.Version, id ?? Guid.NewGuid(), Guid.NewGuid(), "Sit to stand", "FUNC-STS", ExerciseCategory.Functional,
            dosage ?? Squats, "Arms crossed", null, "Initial program", on ?? Today.AddDays(-20), Dana);

    private static Guid Prescribed(Episode e, Dosage? dosage = null, DateOnly? on = null)
    {
        var prescribed = PrescribeExerciseHandler.Decide(Prescribe(e, dosage: dosage, on: on), e, Today);
        Apply(e, prescribed);
        return prescribed.ExerciseId;
    }

    private static AdjustDosage Adjust(Episode e, Guid exerciseId, Dosage to, DateOnly? on = null) =>
        new(e.Id, e.Version, exerciseId, Guid.NewGuid(), AdjustmentKind.Progression, to, "Five sessions without pain", on ?? Today, Dana);

    [Fact]
    public void a_prescription_keeps_its_dosage_and_starts_the_exercise()
    {
        var e = Episode();
        var id = Prescribed(e);
        var exercise = e.FindExercise(id)!;
        exercise.Status.ShouldBe(ExerciseStatus.Active);
        exercise.Dosage.ShouldBe(Squats);
        exercise.PrescribedOn.ShouldBe(Today.AddDays(-20));
    }

    [Theory]
    [InlineData(0, 10, null, null, 3, "dosage.sets")]
    [InlineData(21, 10, null, null, 3, "dosage.sets")]
    [InlineData(3, 501, null, null, 3, "dosage.repetitions")]
    [InlineData(3, null, null, null, 3, "dosage")]
    [InlineData(3, 10, 601, null, 3, "dosage.holdSeconds")]
    [InlineData(3, null, null, 241, 3, "dosage.durationMinutes")]
    [InlineData(3, 10, null, null, 0, "dosage.frequencyPerWeek")]
    [InlineData(3, 10, null, null, 22, "dosage.frequencyPerWeek")]
    public void impossible_dosages_are_refused(int sets, int? reps, int? hold, int? minutes, int perWeek, string field)
    {
        var e = Episode();
        var dosage = new Dosage(sets, reps, hold, null, null, null, minutes, perWeek, null, ExerciseSetting.Clinic);
        Should.Throw<ClinicalRuleViolation>(() => PrescribeExerciseHandler.Decide(Prescribe(e, dosage: dosage), e, Today))
            .Field.ShouldBe(field);
    }

    [Fact]
    public void a_load_needs_a_unit_a_sane_weight_and_no_band()
    {
        var e = Episode();
        Refused(e, Squats with { Load = 5 }).ShouldBe("dosage.loadUnit");
        Refused(e, Squats with { Load = 301, LoadUnit = LoadUnit.Kg }).ShouldBe("dosage.load");
        Refused(e, Squats with { Load = 0, LoadUnit = LoadUnit.Kg }).ShouldBe("dosage.load");
        Refused(e, Squats with { Load = 5, LoadUnit = LoadUnit.Kg, Band = ResistanceBand.Red }).ShouldBe("dosage.band");
        Refused(e, Squats with { TargetRpe = 11 }).ShouldBe("dosage.targetRpe");
        PrescribeExerciseHandler.Decide(Prescribe(e, dosage: Squats with { Load = 600, LoadUnit = LoadUnit.Lb }), e, Today).Dosage.Load.ShouldBe(600);
    }

    private static string? Refused(Episode e, Dosage dosage) =>
        Should.Throw<ClinicalRuleViolation>(() => PrescribeExerciseHandler.Decide(Prescribe(e, dosage: dosage), e, Today)).Field;

    [Fact]
    public void an_exercise_id_is_never_reused_in_an_episode()
    {
        var e = Episode();
        var id = Prescribed(e);
        Should.Throw<ClinicalRuleViolation>(() => PrescribeExerciseHandler.Decide(Prescribe(e, id: id), e, Today)).Code.ShouldBe(ErrorCodes.Conflict);
    }

    [Fact]
    public void an_adjustment_records_the_dosage_in_force_on_its_date_as_from()
    {
        var e = Episode();
        var id = Prescribed(e);
        var adjusted = AdjustDosageHandler.Decide(Adjust(e, id, Squats with { Repetitions = 12 }), e, Today);
        adjusted.From.ShouldBe(Squats);
        adjusted.To.Repetitions.ShouldBe(12);
        DosageRules.Differences(adjusted.From, adjusted.To).ShouldHaveSingleItem().ShouldBe(new DosageChange("repetitions", "10", "12"));
    }

    [Fact]
    public void differences_read_the_same_whatever_the_servers_culture()
    {
        var comma = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        comma.NumberFormat.NumberDecimalSeparator = ",";
        var before = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = comma;
        try
        {
            DosageRules.Differences(Squats with { Load = 4.5m }, Squats with { Load = 6.25m })
                .ShouldHaveSingleItem().ShouldBe(new DosageChange("load", "4.5", "6.25"));
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }

    [Fact]
    public void an_adjustment_must_change_something()
    {
        var e = Episode();
        var id = Prescribed(e);
        var refused = Should.Throw<ClinicalRuleViolation>(() => AdjustDosageHandler.Decide(Adjust(e, id, Squats), e, Today));
        refused.Field.ShouldBe("dosage");
        refused.Code.ShouldBe(ErrorCodes.ValidationFailed);
    }

    [Fact]
    public void an_adjustment_needs_a_reason()
    {
        var e = Episode();
        var id = Prescribed(e);
        Should.Throw<ClinicalRuleViolation>(() => AdjustDosageHandler.Decide(
            Adjust(e, id, Squats with { Sets = 4 }) with { Reason = " " }, e, Today)).Field.ShouldBe("reason");
    }

    [Fact]
    public void a_discontinued_exercise_cannot_be_adjusted()
    {
        var e = Episode();
        var id = Prescribed(e);
        Apply(e, DiscontinueExerciseHandler.Decide(new DiscontinueExercise(e.Id, e.Version, id, Guid.NewGuid(), "Knee pain", Today.AddDays(-5), Dana), e, Today));
        var refused = Should.Throw<ClinicalRuleViolation>(() => AdjustDosageHandler.Decide(Adjust(e, id, Squats with { Sets = 4 }), e, Today));
        refused.Field.ShouldBe("exerciseId");
        refused.Message.ShouldContain("discontinued");
    }

    [Fact]
    public void a_substituted_exercise_ends_and_its_replacement_starts()
    {
        var e = Episode();
        var id = Prescribed(e);
        var replacement = Guid.NewGuid();
        Apply(e, SubstituteExerciseHandler.Decide(new SubstituteExercise(e.Id, e.Version, id, Guid.NewGuid(), replacement, "Wall sit",
            null, ExerciseCategory.Strengthening, Squats with { Repetitions = null, HoldSeconds = 30 }, null, null, "Pain on knee flexion under load",
            Today.AddDays(-3), Dana), e, Today));

        e.FindExercise(id)!.Status.ShouldBe(ExerciseStatus.Substituted);
        e.FindExercise(id)!.ReplacedByExerciseId.ShouldBe(replacement);
        var wallSit = e.FindExercise(replacement)!;
        wallSit.ReplacesExerciseId.ShouldBe(id);
        wallSit.PrescribedOn.ShouldBe(Today.AddDays(-3));
        Should.Throw<ClinicalRuleViolation>(() => AdjustDosageHandler.Decide(Adjust(e, id, Squats with { Sets = 4 }), e, Today))
            .Field.ShouldBe("exerciseId");
    }

    [Fact]
    public void an_unknown_exercise_is_not_found()
    {
        var e = Episode();
        Should.Throw<ClinicalRuleViolation>(() => AdjustDosageHandler.Decide(Adjust(e, Guid.NewGuid(), Squats), e, Today)).Code.ShouldBe(ErrorCodes.NotFound);
    }

    [Fact]
    public void a_change_cannot_take_effect_before_the_prescription_or_in_the_future()
    {
        var e = Episode();
        var id = Prescribed(e, on: Today.AddDays(-10));
        Should.Throw<ClinicalRuleViolation>(() => AdjustDosageHandler.Decide(Adjust(e, id, Squats with { Sets = 4 }, Today.AddDays(-11)), e, Today))
            .Field.ShouldBe("effectiveOn");
        Should.Throw<ClinicalRuleViolation>(() => AdjustDosageHandler.Decide(Adjust(e, id, Squats with { Sets = 4 }, Today.AddDays(1)), e, Today))
            .Field.ShouldBe("effectiveOn");
    }

    [Fact]
    public void a_back_dated_adjustment_takes_its_place_by_effective_date()
    {
        var e = Episode();
        var id = Prescribed(e, on: Today.AddDays(-20));
        Apply(e, AdjustDosageHandler.Decide(Adjust(e, id, Squats with { Repetitions = 15 }, Today.AddDays(-2)), e, Today));
        // Recorded later, effective earlier: the later-effective dosage stays current.
        Apply(e, AdjustDosageHandler.Decide(Adjust(e, id, Squats with { Repetitions = 12 }, Today.AddDays(-10)), e, Today));

        e.FindExercise(id)!.Dosage.Repetitions.ShouldBe(15);
        ProgramFold.Exercises(e.ProgramChanges, e.EnteredInError, effectiveOn: Today.AddDays(-5)).Single().Dosage.Repetitions.ShouldBe(12);
        ProgramFold.Exercises(e.ProgramChanges, e.EnteredInError, effectiveOn: Today.AddDays(-15)).Single().Dosage.Repetitions.ShouldBe(10);
        // As the record stood before the back-dated entry was made.
        ProgramFold.Exercises(e.ProgramChanges, e.EnteredInError, recordedVersion: e.Version - 1).Single().Dosage.Repetitions.ShouldBe(15);
    }

    [Fact]
    public void changes_entered_in_error_count_nowhere()
    {
        var e = Episode();
        var id = Prescribed(e);
        Apply(e, AdjustDosageHandler.Decide(Adjust(e, id, Squats with { Sets = 4 }), e, Today));
        var adjustment = e.ProgramChanges[^1];
        e.Correct(EntryKind.ProgramChange, adjustment.ChangeId).ShouldBeTrue();
        e.Program.Single().Dosage.ShouldBe(Squats);
    }

    [Fact]
    public void discontinuing_needs_a_reason_and_cannot_precede_the_last_change()
    {
        var e = Episode();
        var id = Prescribed(e, on: Today.AddDays(-20));
        Apply(e, AdjustDosageHandler.Decide(Adjust(e, id, Squats with { Sets = 4 }, Today.AddDays(-5)), e, Today));
        Should.Throw<ClinicalRuleViolation>(() => DiscontinueExerciseHandler.Decide(
            new DiscontinueExercise(e.Id, e.Version, id, Guid.NewGuid(), "", Today, Dana), e, Today)).Field.ShouldBe("reason");
        Should.Throw<ClinicalRuleViolation>(() => DiscontinueExerciseHandler.Decide(
            new DiscontinueExercise(e.Id, e.Version, id, Guid.NewGuid(), "Done", Today.AddDays(-6), Dana), e, Today)).Field.ShouldBe("effectiveOn");
    }

    [Fact]
    public void program_changes_on_a_discharged_episode_are_refused()
    {
        var e = Episode();
        e.Apply(new EpisodeDischarged(e.Id, Today, "Goals met", Dana));
        Should.Throw<ClinicalRuleViolation>(() => PrescribeExerciseHandler.Decide(Prescribe(e), e, Today)).Code.ShouldBe(ErrorCodes.EpisodeClosed);
    }
}
