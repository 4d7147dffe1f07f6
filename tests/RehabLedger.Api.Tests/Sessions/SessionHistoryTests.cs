using RehabLedger.Tests.Support;
using RehabLedger.Corrections;
using RehabLedger.Episodes;
using RehabLedger.Programs;
using RehabLedger.Sessions;
using static RehabLedger.Tests.Sessions.EpisodeState;

namespace RehabLedger.Tests.Sessions;

public sealed class SessionHistoryTests
{
    private static Guid Session(Episode e, DateOnly on, params PerformedExercise[] exercises)
    {
        var id = Guid.NewGuid();
        e.Record(new SessionRecorded(e.Id, id, on, Attendance.Attended, 40, Assigned.Id, Assigned.DisplayName, exercises,
            null, null, null, [], null, Actor));
        return id;
    }

    private static Guid HomeLog(Episode e, Guid exerciseId, DateOnly on)
    {
        var id = Guid.NewGuid();
        e.Record(new HomeExerciseLogged(e.Id, id, on, exerciseId, 2, null, null, HomeLogReporter.Patient, null, Actor));
        return id;
    }

    [Fact]
    public void sessions_read_newest_first_by_date_then_latest_recorded_first()
    {
        var e = Open();
        var monday = Session(e, Today.AddDays(-2));
        var earlierMorning = Session(e, Today);
        var backDated = Session(e, Today.AddDays(-9));
        var laterSameDay = Session(e, Today);

        SessionHistory.NewestFirst(e.Entries().Sessions).Select(s => s.Id).ShouldBe([laterSameDay, earlierMorning, monday, backDated]);
    }

    [Fact]
    public void home_logs_read_newest_first_by_date_then_latest_recorded_first()
    {
        var e = Open();
        var bridging = e.Prescribe(Start, ExerciseSetting.Home);
        var older = HomeLog(e, bridging, Today.AddDays(-1));
        var first = HomeLog(e, bridging, Today);
        var second = HomeLog(e, bridging, Today);

        SessionHistory.NewestFirst(e.Entries().HomeLogs).Select(l => l.Id).ShouldBe([second, first, older]);
    }

    [Fact]
    public void marking_a_session_or_a_home_log_entered_in_error_hides_it()
    {
        var e = Open();
        var bridging = e.Prescribe(Start, ExerciseSetting.Home);
        var kept = Session(e, Today.AddDays(-1));
        var wrong = Session(e, Today);
        var keptLog = HomeLog(e, bridging, Today.AddDays(-1));
        var wrongLog = HomeLog(e, bridging, Today);

        e.Correct(EntryKind.Session, wrong).ShouldBeTrue();
        e.Correct(EntryKind.HomeLog, wrongLog).ShouldBeTrue();

        SessionHistory.NewestFirst(e.Entries().Sessions).Select(s => s.Id).ShouldBe([kept]);
        SessionHistory.NewestFirst(e.Entries().HomeLogs).Select(l => l.Id).ShouldBe([keptLog]);
        e.Entries().Sessions.Single(s => s.Id == wrong).EnteredInError.ShouldBeTrue();
        e.Entries().HomeLogs.Single(l => l.Id == wrongLog).EnteredInError.ShouldBeTrue();
    }

    [Fact]
    public void an_id_that_is_not_a_session_or_home_log_is_not_marked()
    {
        var e = Open();
        var exercise = e.Prescribe(Start);
        Session(e, Today);
        e.Correct(EntryKind.Session, Guid.NewGuid()).ShouldBeFalse();
        e.Correct(EntryKind.Session, exercise).ShouldBeFalse();
        e.Entries().Sessions.ShouldAllBe(s => !s.EnteredInError);
    }

    [Fact]
    public void an_entry_in_error_keeps_its_id_so_a_retry_with_it_is_still_a_conflict()
    {
        var e = Open();
        var wrong = Session(e, Today);
        e.Correct(EntryKind.Session, wrong);
        e.SessionEntryIdUsed(wrong).ShouldBeTrue();
    }

    [Fact]
    public void performed_exercises_and_logs_carry_the_name_the_program_gave_them()
    {
        var e = Open();
        var squat = e.Prescribe(Start, name: "Wall squat");
        var press = e.Substitute(squat, Today.AddDays(-3), "Leg press");
        var bridging = e.Prescribe(Start, ExerciseSetting.Home, "Bridging");
        Session(e, Today.AddDays(-4), new PerformedExercise(squat, 3));
        Session(e, Today, new PerformedExercise(press, 3));
        HomeLog(e, bridging, Today);

        e.Entries().Sessions.SelectMany(s => s.Exercises).Select(x => x.Name).ShouldBe(["Wall squat", "Leg press"]);
        e.Entries().HomeLogs.Single().ExerciseName.ShouldBe("Bridging");
    }

    [Fact]
    public void a_name_survives_its_prescription_being_entered_in_error()
    {
        var e = Open();
        var squat = e.Prescribe(Start, name: "Wall squat");
        e.Correct(EntryKind.ProgramChange, e.ProgramChanges[0].ChangeId).ShouldBeTrue();
        SessionHistory.ExerciseName(e.ProgramChanges, squat).ShouldBe("Wall squat");
    }
}
