using RehabLedger.Tests.Support;
using RehabLedger.Corrections;
using RehabLedger.Clinics;
using RehabLedger.Common;
using RehabLedger.Episodes;
using RehabLedger.Programs;
using RehabLedger.Sessions;
using static RehabLedger.Tests.Sessions.EpisodeState;

namespace RehabLedger.Tests.Sessions;

public sealed class RecordSessionDecisionTests
{
    private static RecordSession Attended(Episode e, DateOnly? on = null, int? minutes = 45, Guid? therapistId = null,
        PerformedExercise[]? exercises = null, int? painBefore = 5, int? painAfter = 3, int? rpe = 6,
        AdverseEvent[]? adverseEvents = null, string? note = "Tolerated well.", Guid? id = null) =>
        new(e.Id, e.Version, id ?? Guid.NewGuid(), on ?? Today, Attendance.Attended, minutes, therapistId, exercises ?? [],
            painBefore, painAfter, rpe, adverseEvents ?? [], note, Actor);

    private static RecordSession Missed(Episode e, Attendance attendance) =>
        new(e.Id, e.Version, Guid.NewGuid(), Today, attendance, null, null, [], null, null, null, [], "Called in sick.", Actor);

    private static SessionRecorded Decide(RecordSession command, Episode e, Therapist? therapist = null) =>
        RecordSessionHandler.Decide(command, e, therapist ?? Assigned, Today);

    private static ClinicalRuleViolation Refused(RecordSession command, Episode e, Therapist? therapist = null) =>
        Should.Throw<ClinicalRuleViolation>(() => Decide(command, e, therapist));

    private static string RefusedField(RecordSession command, Episode e) => Refused(command, e).Field!;

    [Fact]
    public void an_attended_session_becomes_one_event_with_the_therapists_name_and_the_achieved_dosage()
    {
        var e = Open();
        var squat = e.Prescribe(Start);
        var performed = new PerformedExercise(squat, 2, Repetitions: 8, Load: 4.5m, LoadUnit: LoadUnit.Kg, Rpe: 7);

        var recorded = Decide(Attended(e, exercises: [performed], note: "  Tolerated well.  "), e);

        recorded.Attendance.ShouldBe(Attendance.Attended);
        recorded.Minutes.ShouldBe(45);
        recorded.TherapistId.ShouldBe(Assigned.Id);
        recorded.TherapistName.ShouldBe("Robin Ames");
        recorded.Exercises.ShouldBe([performed]);
        (recorded.PainBefore, recorded.PainAfter, recorded.Rpe).ShouldBe((5, 3, 6));
        recorded.Note.ShouldBe("Tolerated well.");
    }

    [Fact]
    public void another_therapist_of_the_clinic_may_run_the_session()
    {
        var e = Open();
        Decide(Attended(e, therapistId: Colleague.Id), e, Colleague).TherapistName.ShouldBe("Sam Okafor");
    }

    [Fact]
    public void an_unknown_therapist_is_not_found()
    {
        var e = Open();
        var refusal = Should.Throw<ClinicalRuleViolation>(() =>
            RecordSessionHandler.Decide(Attended(e, therapistId: Guid.NewGuid()), e, null, Today));
        refusal.Code.ShouldBe(ErrorCodes.NotFound);
        refusal.Field.ShouldBe("therapistId");
    }

    [Fact]
    public void a_therapist_of_another_clinic_is_answered_like_an_unknown_one()
    {
        var e = Open();
        var elsewhere = new Therapist { Id = Guid.NewGuid(), ClinicId = Guid.NewGuid(), DisplayName = "Kim Lee" };
        var refusal = Refused(Attended(e, therapistId: elsewhere.Id), e, elsewhere);
        refusal.Code.ShouldBe(ErrorCodes.NotFound);
        refusal.Field.ShouldBe("therapistId");
        refusal.Message.ShouldNotContain("Kim Lee");
    }

    [Fact]
    public void an_unknown_episode_is_not_found_a_discharged_one_closed_and_a_stale_version_a_conflict()
    {
        var e = Open();
        Should.Throw<ClinicalRuleViolation>(() => RecordSessionHandler.Decide(Attended(e), null, Assigned, Today)).Code.ShouldBe(ErrorCodes.NotFound);
        Refused(Attended(e) with { ExpectedVersion = e.Version - 1 }, e).Code.ShouldBe(ErrorCodes.Conflict);
        e.Discharge();
        Refused(Attended(e), e).Code.ShouldBe(ErrorCodes.EpisodeClosed);
    }

    [Fact]
    public void a_session_id_already_used_by_a_session_or_a_home_log_is_a_conflict()
    {
        var e = Open();
        var first = Decide(Attended(e), e);
        e.Record(first);
        Refused(Attended(e, id: first.SessionId), e).Code.ShouldBe(ErrorCodes.Conflict);

        var logId = Guid.NewGuid();
        var exercise = e.Prescribe(Start, ExerciseSetting.Home);
        e.Record(new HomeExerciseLogged(e.Id, logId, Today, exercise, 1, null, null, HomeLogReporter.Patient, null, Actor));
        Refused(Attended(e, id: logId), e).Code.ShouldBe(ErrorCodes.Conflict);
    }

    [Fact]
    public void an_empty_id_is_refused()
    {
        var e = Open();
        RefusedField(Attended(e, id: Guid.Empty), e).ShouldBe("id");
    }

    [Fact]
    public void the_date_lies_within_the_episode_and_not_in_the_future()
    {
        var e = Open();
        RefusedField(Attended(e, on: Today.AddDays(1)), e).ShouldBe("date");
        RefusedField(Attended(e, on: Start.AddDays(-1)), e).ShouldBe("date");
        Decide(Attended(e, on: Start), e).Date.ShouldBe(Start);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(0)]
    [InlineData(481)]
    [InlineData(-5)]
    public void an_attended_session_needs_1_to_480_minutes(int? minutes)
    {
        var e = Open();
        RefusedField(Attended(e, minutes: minutes), e).ShouldBe("minutes");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(480)]
    public void the_minute_limits_are_inclusive(int minutes)
    {
        var e = Open();
        Decide(Attended(e, minutes: minutes), e).Minutes.ShouldBe(minutes);
    }

    [Theory]
    [InlineData(Attendance.Cancelled)]
    [InlineData(Attendance.NoShow)]
    public void a_session_that_did_not_happen_records_zero_minutes_and_nothing_else(Attendance attendance)
    {
        var e = Open();
        var recorded = Decide(Missed(e, attendance), e);
        recorded.Attendance.ShouldBe(attendance);
        recorded.Minutes.ShouldBe(0);
        recorded.TherapistName.ShouldBe("Robin Ames");
        recorded.Note.ShouldBe("Called in sick.");
        Decide(Missed(e, attendance) with { Minutes = 0 }, e).Minutes.ShouldBe(0);
    }

    [Theory]
    [InlineData(Attendance.Cancelled)]
    [InlineData(Attendance.NoShow)]
    public void a_session_that_did_not_happen_carries_no_minutes_exercises_pain_rpe_or_adverse_events(Attendance attendance)
    {
        var e = Open();
        var squat = e.Prescribe(Start);
        var missed = Missed(e, attendance);
        RefusedField(missed with { Minutes = 30 }, e).ShouldBe("minutes");
        RefusedField(missed with { Exercises = [new PerformedExercise(squat, 1)] }, e).ShouldBe("exercises");
        RefusedField(missed with { PainBefore = 0 }, e).ShouldBe("painBefore");
        RefusedField(missed with { PainAfter = 4 }, e).ShouldBe("painAfter");
        RefusedField(missed with { Rpe = 0 }, e).ShouldBe("rpe");
        RefusedField(missed with { AdverseEvents = [new AdverseEvent("Fall", AdverseEventSeverity.Mild, "Checked")] }, e)
            .ShouldBe("adverseEvents");
    }

    [Fact]
    public void an_unknown_attendance_is_refused()
    {
        var e = Open();
        RefusedField(Attended(e) with { Attendance = (Attendance)9 }, e).ShouldBe("attendance");
    }

    [Fact]
    public void a_performed_exercise_must_be_in_the_program()
    {
        var e = Open();
        e.Prescribe(Start);
        var refusal = Refused(Attended(e, exercises: [new PerformedExercise(Guid.NewGuid(), 3)]), e);
        refusal.Field.ShouldBe("exercises[0].exerciseId");
        refusal.Message.ShouldContain("not in this episode's program");
    }

    [Fact]
    public void an_exercise_prescribed_after_the_session_date_is_refused_one_prescribed_that_day_accepted()
    {
        var e = Open();
        var later = e.Prescribe(Today.AddDays(-2), name: "Step-ups");
        var refusal = Refused(Attended(e, on: Today.AddDays(-3), exercises: [new PerformedExercise(later, 3)]), e);
        refusal.Field.ShouldBe("exercises[0].exerciseId");
        refusal.Message.ShouldContain("Step-ups was prescribed on 2026-03-16");
        Decide(Attended(e, on: Today.AddDays(-2), exercises: [new PerformedExercise(later, 3)]), e).Exercises.Count.ShouldBe(1);
    }

    [Fact]
    public void an_exercise_ended_before_the_session_is_refused_one_ended_that_day_accepted()
    {
        var e = Open();
        var squat = e.Prescribe(Start);
        e.Discontinue(squat, Today.AddDays(-5));
        RefusedField(Attended(e, on: Today.AddDays(-4), exercises: [new PerformedExercise(squat, 3)]), e)
            .ShouldBe("exercises[0].exerciseId");
        Decide(Attended(e, on: Today.AddDays(-5), exercises: [new PerformedExercise(squat, 3)]), e).Exercises.Count.ShouldBe(1);
        Decide(Attended(e, on: Today.AddDays(-6), exercises: [new PerformedExercise(squat, 3)]), e).Exercises.Count.ShouldBe(1);
    }

    [Fact]
    public void after_a_substitution_the_replacement_is_performed_not_the_original()
    {
        var e = Open();
        var squat = e.Prescribe(Start);
        var press = e.Substitute(squat, Today.AddDays(-10));
        RefusedField(Attended(e, exercises: [new PerformedExercise(squat, 3)]), e).ShouldBe("exercises[0].exerciseId");
        RefusedField(Attended(e, on: Today.AddDays(-11), exercises: [new PerformedExercise(press, 3)]), e).ShouldBe("exercises[0].exerciseId");
        Decide(Attended(e, exercises: [new PerformedExercise(press, 3)]), e).Exercises.Single().ExerciseId.ShouldBe(press);
    }

    [Fact]
    public void an_exercise_whose_prescription_was_entered_in_error_is_not_in_the_program()
    {
        var e = Open();
        var squat = e.Prescribe(Start);
        e.Correct(EntryKind.ProgramChange, e.ProgramChanges[0].ChangeId).ShouldBeTrue();
        RefusedField(Attended(e, exercises: [new PerformedExercise(squat, 3)]), e).ShouldBe("exercises[0].exerciseId");
    }

    [Fact]
    public void the_same_exercise_listed_twice_is_refused()
    {
        var e = Open();
        var squat = e.Prescribe(Start);
        RefusedField(Attended(e, exercises: [new PerformedExercise(squat, 3), new PerformedExercise(squat, 1)]), e)
            .ShouldBe("exercises[1].exerciseId");
    }

    [Fact]
    public void more_than_100_exercises_are_refused()
    {
        var e = Open();
        var exercises = Enumerable.Range(0, SessionRules.MaxEntries + 1).Select(_ => new PerformedExercise(Guid.NewGuid(), 1)).ToArray();
        RefusedField(Attended(e, exercises: exercises), e).ShouldBe("exercises");
    }

    private static (PerformedExercise, string)[] OutOfRange(Guid id) =>
    [
        (new PerformedExercise(id, -1), "sets"),
        (new PerformedExercise(id, 21), "sets"),
        (new PerformedExercise(id, 3, Repetitions: -1), "repetitions"),
        (new PerformedExercise(id, 3, Repetitions: 501), "repetitions"),
        (new PerformedExercise(id, 3, HoldSeconds: 601), "holdSeconds"),
        (new PerformedExercise(id, 3, DurationMinutes: 241), "durationMinutes"),
        (new PerformedExercise(id, 3, Rpe: 11), "rpe"),
        (new PerformedExercise(id, 3, Rpe: -1), "rpe"),
        (new PerformedExercise(id, 3, Load: 5), "loadUnit"),
        (new PerformedExercise(id, 3, LoadUnit: LoadUnit.Kg), "loadUnit"),
        (new PerformedExercise(id, 3, Load: 0, LoadUnit: LoadUnit.Kg), "load"),
        (new PerformedExercise(id, 3, Load: 300.5m, LoadUnit: LoadUnit.Kg), "load"),
        (new PerformedExercise(id, 3, Load: 661, LoadUnit: LoadUnit.Lb), "load"),
        (new PerformedExercise(id, 3, Load: 5, LoadUnit: LoadUnit.Kg, Band: ResistanceBand.Red), "band"),
        (new PerformedExercise(id, 3, Band: (ResistanceBand)42), "band"),
    ];

    [Fact]
    public void achieved_values_outside_the_dosage_limits_are_refused_and_named()
    {
        var e = Open();
        var squat = e.Prescribe(Start);
        foreach (var (performed, parameter) in OutOfRange(squat))
            RefusedField(Attended(e, exercises: [performed]), e).ShouldBe($"exercises[0].{parameter}", performed.ToString());
    }

    [Fact]
    public void zero_is_an_achievable_value_and_the_limits_are_inclusive()
    {
        var e = Open();
        var squat = e.Prescribe(Start);
        var plank = e.Prescribe(Start, name: "Plank");
        var walk = e.Prescribe(Start, name: "Treadmill walk");
        Decide(Attended(e, exercises:
        [
            new PerformedExercise(squat, 0, Repetitions: 0, Rpe: 0),
            new PerformedExercise(plank, 20, Repetitions: 500, HoldSeconds: 600, Load: 660, LoadUnit: LoadUnit.Lb, Rpe: 10),
            new PerformedExercise(walk, 1, DurationMinutes: 240, Band: ResistanceBand.Gold),
        ]), e).Exercises.Count.ShouldBe(3);
    }

    [Theory]
    [InlineData(-1, 3, 6, "painBefore")]
    [InlineData(11, 3, 6, "painBefore")]
    [InlineData(5, 11, 6, "painAfter")]
    [InlineData(5, -1, 6, "painAfter")]
    [InlineData(5, 3, 11, "rpe")]
    [InlineData(5, 3, -1, "rpe")]
    public void pain_and_rpe_lie_between_0_and_10(int painBefore, int painAfter, int rpe, string field)
    {
        var e = Open();
        RefusedField(Attended(e, painBefore: painBefore, painAfter: painAfter, rpe: rpe), e).ShouldBe(field);
    }

    [Fact]
    public void pain_and_rpe_are_optional_and_0_and_10_are_accepted()
    {
        var e = Open();
        Decide(Attended(e, painBefore: null, painAfter: null, rpe: null), e).PainBefore.ShouldBeNull();
        var edges = Decide(Attended(e, painBefore: 0, painAfter: 10, rpe: 10), e);
        (edges.PainBefore, edges.PainAfter, edges.Rpe).ShouldBe((0, 10, 10));
    }

    [Fact]
    public void an_adverse_event_needs_a_description_a_known_severity_and_the_action_taken()
    {
        var e = Open();
        RefusedField(Attended(e, adverseEvents: [new AdverseEvent(" ", AdverseEventSeverity.Mild, "Rest")]), e)
            .ShouldBe("adverseEvents[0].description");
        RefusedField(Attended(e, adverseEvents: [new AdverseEvent("Dizzy", (AdverseEventSeverity)7, "Rest")]), e)
            .ShouldBe("adverseEvents[0].severity");
        RefusedField(Attended(e, adverseEvents: [new AdverseEvent("Dizzy", AdverseEventSeverity.Mild, "Rest"), new AdverseEvent("Fall", AdverseEventSeverity.Severe, "")]), e)
            .ShouldBe("adverseEvents[1].actionTaken");
        RefusedField(Attended(e, adverseEvents: [new AdverseEvent(new string('x', Validate.LongText + 1), AdverseEventSeverity.Mild, "Rest")]), e)
            .ShouldBe("adverseEvents[0].description");
    }

    [Fact]
    public void adverse_events_are_kept_trimmed()
    {
        var e = Open();
        Decide(Attended(e, adverseEvents: [new AdverseEvent(" Dizzy on standing ", AdverseEventSeverity.Moderate, " Seated rest ")]), e)
            .AdverseEvents.ShouldBe([new AdverseEvent("Dizzy on standing", AdverseEventSeverity.Moderate, "Seated rest")]);
    }

    [Fact]
    public void an_oversized_note_is_refused_not_truncated_and_a_blank_one_is_no_note()
    {
        var e = Open();
        RefusedField(Attended(e, note: new string('x', Validate.LongText + 1)), e).ShouldBe("note");
        Decide(Attended(e, note: "   "), e).Note.ShouldBeNull();
    }
}
