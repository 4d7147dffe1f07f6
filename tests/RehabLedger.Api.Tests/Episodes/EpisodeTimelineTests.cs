using JasperFx.Events;
using RehabLedger.Common;
using RehabLedger.Corrections;
using RehabLedger.Episodes;
using RehabLedger.Goals;
using RehabLedger.PlanOfCare;
using RehabLedger.Programs;
using RehabLedger.Sessions;

namespace RehabLedger.Tests.Episodes;

/// <summary>The timeline's fold, host-free: one event of every episode type, in the order a real episode records them.</summary>
public sealed class EpisodeTimelineTests
{
    private static readonly ActorRef Therapist = new("t-1", "therapist", "Robin Ames");
    private static readonly DateOnly Day = new(2026, 3, 2);
    private static readonly Guid EpisodeId = Guid.NewGuid();
    private static readonly Guid AssessmentId = Guid.NewGuid();
    private static readonly Guid Squat = Guid.NewGuid();
    private static readonly Guid Bridge = Guid.NewGuid();
    private static readonly Guid Step = Guid.NewGuid();
    private static readonly Guid SquatPrescription = Guid.NewGuid();
    private static readonly Guid Stairs = Guid.NewGuid();
    private static readonly Guid SessionId = Guid.NewGuid();
    private static readonly Guid CertificationId = Guid.NewGuid();

    private static Dosage Dosage(int repetitions = 10) => new(3, repetitions, null, null, null, null, null, 3, 5, ExerciseSetting.Home);

    /// <summary>Every episode event type once (the test below proves it), each with the line it should read as.</summary>
    private static readonly (object Event, string Summary)[] Recorded =
    [
        (new EpisodeOpened(EpisodeId, Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(),
            new Condition("M17.11", "Primary osteoarthritis, right knee", "knee"), null, null, Day, Therapist),
            "Episode opened for M17.11 Primary osteoarthritis, right knee"),
        (new AssessmentRecorded(EpisodeId, AssessmentId, AssessmentKind.Initial, Day, Guid.NewGuid(), "Robin Ames",
            [new MeasureResult("LEFS", 38), new MeasureResult("NPRS", 6.5m)], [], [], null, Therapist),
            "Initial assessment by Robin Ames: LEFS 38, NPRS 6.5"),
        (new GoalSet(EpisodeId, Stairs, "Climb stairs", "LEFS", 38, AssessmentId, 60, new DateOnly(2026, 5, 1), Day, Therapist),
            "Goal set: Climb stairs (LEFS 38 -> 60, by 2026-05-01)"),
        (new ExercisePrescribed(EpisodeId, Squat, SquatPrescription, "Sit to stand", null, ExerciseCategory.Functional, Dosage(),
            null, null, "Initial program", Day, Therapist),
            "Prescribed Sit to stand"),
        (new ExercisePrescribed(EpisodeId, Bridge, Guid.NewGuid(), "Bridge", null, ExerciseCategory.Strengthening, Dosage(),
            null, null, null, Day, Therapist),
            "Prescribed Bridge"),
        (new PlanOfCareCertified(EpisodeId, CertificationId, Day, Day.AddDays(89), new CertifyingPhysician("Dr. Lena Okoye", null), null, Therapist),
            "Plan of care certified 2026-03-02 to 2026-05-30 by Dr. Lena Okoye"),
        (new SessionRecorded(EpisodeId, SessionId, Day.AddDays(2), Attendance.Attended, 45, Guid.NewGuid(), "Robin Ames",
            [new PerformedExercise(Squat, 3, 10), new PerformedExercise(Bridge, 2, 8)], 5, 3, 6,
            [new AdverseEvent("Dizziness on standing", AdverseEventSeverity.Mild, "Rested, resolved")], null, Therapist),
            "Session with Robin Ames, 45 min: Sit to stand, Bridge; pain 5 -> 3; RPE 6; adverse event (mild): Dizziness on standing"),
        (new HomeExerciseLogged(EpisodeId, Guid.NewGuid(), Day.AddDays(3), Squat, 2, 12, 2, HomeLogReporter.Patient, null, Therapist),
            "Home exercise Sit to stand: 2 x 12, pain 2, reported by patient"),
        (new ExerciseDosageAdjusted(EpisodeId, Squat, Guid.NewGuid(), AdjustmentKind.Progression, Dosage(), Dosage(15), "Easy at RPE 3",
            Day.AddDays(4), Therapist),
            "Progression of Sit to stand: repetitions 10 -> 15; Easy at RPE 3"),
        (new ExerciseSubstituted(EpisodeId, Bridge, Guid.NewGuid(), Step, "Step up", null, ExerciseCategory.Functional, Dosage(), null, null,
            "Bridge provokes back pain", Day.AddDays(4), Therapist),
            "Substituted Bridge with Step up: Bridge provokes back pain"),
        (new ExerciseDiscontinued(EpisodeId, Step, Guid.NewGuid(), "Knee pain on step", Day.AddDays(5), Therapist),
            "Discontinued Step up: Knee pain on step"),
        (new GoalRevised(EpisodeId, Stairs, "Climb two flights", 60, new DateOnly(2026, 5, 15),
            [new GoalChange("description", "Climb stairs", "Climb two flights"), new GoalChange("targetDate", "2026-05-01", "2026-05-15")],
            "Patient lives on the second floor", Day.AddDays(6), Therapist),
            "Goal \"Climb stairs\" revised: description Climb stairs -> Climb two flights, targetDate 2026-05-01 -> 2026-05-15; Patient lives on the second floor"),
        (new ProgressReportIssued(EpisodeId, Guid.NewGuid(), [new GoalSummary(Stairs, "One flight with rail")], "Continue twice weekly",
            Day.AddDays(7), Therapist),
            "Progress report on \"Climb two flights\"; plan: Continue twice weekly"),
        (new GoalStatusSet(EpisodeId, Stairs, GoalStatus.PartlyAchieved, "One flight only", Day.AddDays(8), Therapist),
            "Goal \"Climb two flights\" partly achieved: One flight only"),
        (new EntryEnteredInError(EpisodeId, SessionId, EntryKind.Session, "Recorded for the wrong patient", Day.AddDays(9), Therapist),
            "Session of 2026-03-04 marked entered in error: Recorded for the wrong patient"),
        (new EpisodeDischarged(EpisodeId, Day.AddDays(10), "Goals met", Therapist),
            "Discharged: Goals met"),
    ];

    private static EpisodeTimeline Fold(IEnumerable<object> events)
    {
        var projection = new EpisodeTimelineProjection();
        EpisodeTimeline? timeline = null;
        var version = 0;
        foreach (var data in events)
        {
            var e = (IEvent)Activator.CreateInstance(typeof(Event<>).MakeGenericType(data.GetType()), data)!;
            e.Version = ++version;
            e.EventTypeName = data.GetType().Name;
            timeline = projection.Evolve(timeline, EpisodeId, e);
        }
        return timeline!;
    }

    [Fact]
    public void the_sample_episode_has_one_event_of_every_type_on_the_episode_stream() =>
        Recorded.Select(x => x.Event.GetType()).Distinct().ShouldBe(EpisodeStream.EventTypes, ignoreOrder: true);

    [Fact]
    public void every_event_reads_as_one_line_naming_its_exercises_and_goals() =>
        Fold(Recorded.Select(x => x.Event)).Entries.Select(x => x.Summary).ShouldBe(Recorded.Select(x => x.Summary));

    [Fact]
    public void every_line_carries_the_effective_date_and_actor_of_its_event()
    {
        var entries = Fold(Recorded.Select(x => x.Event)).Entries;
        entries.ShouldAllBe(x => x.EffectiveOn != null && x.By == Therapist);
        entries.First(x => x.EntryId == SessionId).EffectiveOn.ShouldBe(Day.AddDays(2));
    }

    [Fact]
    public void a_correction_flags_the_line_of_the_entry_it_names_and_no_other()
    {
        var entries = Fold(Recorded.Select(x => x.Event)).Entries;
        var flagged = entries.Where(x => x.EnteredInError).ToList();
        flagged.Count.ShouldBe(1);
        flagged[0].Summary.ShouldStartWith("Session with Robin Ames");
        flagged[0].EntryId.ShouldBe(SessionId);
        // The correction's own line names the entry it corrects and is not itself in error.
        entries[^2].EntryId.ShouldBe(SessionId);
        entries[^2].EnteredInError.ShouldBeFalse();
    }

    [Fact]
    public void a_corrected_goal_flags_its_setting_revision_and_status_lines()
    {
        var events = Recorded.Select(x => x.Event).Where(x => x is not EntryEnteredInError and not EpisodeDischarged).ToList();
        events.Add(new EntryEnteredInError(EpisodeId, Stairs, EntryKind.Goal, "Goal belongs to another episode", Day.AddDays(9), Therapist));

        var entries = Fold(events).Entries;

        entries.Where(x => x.EnteredInError).Select(x => x.Summary[..10]).ShouldBe(["Goal set: ", "Goal \"Clim", "Goal \"Clim"]);
        entries[^1].Summary.ShouldBe("Goal \"Climb two flights\" marked entered in error: Goal belongs to another episode");
    }

    [Fact]
    public void a_corrected_program_change_is_named_by_its_kind_exercise_and_date()
    {
        var events = Recorded.Take(5).Select(x => x.Event).ToList();
        events.Add(new EntryEnteredInError(EpisodeId, SquatPrescription, EntryKind.ProgramChange, "Wrong patient", Day, Therapist));

        var entries = Fold(events).Entries;

        entries[^1].Summary.ShouldBe("Prescription of Sit to stand on 2026-03-02 marked entered in error: Wrong patient");
        entries.Single(x => x.EnteredInError).Summary.ShouldBe("Prescribed Sit to stand");
    }

    [Theory]
    [InlineData(Attendance.Cancelled, "Session with Robin Ames cancelled")]
    [InlineData(Attendance.NoShow, "No-show for session with Robin Ames")]
    public void a_missed_session_reads_as_missed(Attendance attendance, string summary)
    {
        var missed = new SessionRecorded(EpisodeId, Guid.NewGuid(), Day, attendance, 0, Guid.NewGuid(), "Robin Ames", [], null, null, null, [], null, Therapist);
        TimelineLines.Describe(new EpisodeTimeline(), missed).Summary.ShouldBe(summary);
    }

    [Theory]
    [InlineData(AssessmentKind.ReAssessment, "Re-assessment by Robin Ames: findings only")]
    [InlineData(AssessmentKind.Discharge, "Discharge assessment by Robin Ames: findings only")]
    public void assessments_read_by_their_kind(AssessmentKind kind, string summary)
    {
        var assessment = new AssessmentRecorded(EpisodeId, Guid.NewGuid(), kind, Day, Guid.NewGuid(), "Robin Ames", [], [], [], "Stable", Therapist);
        TimelineLines.Describe(new EpisodeTimeline(), assessment).Summary.ShouldBe(summary);
    }
}
