using RehabLedger.Common;
using RehabLedger.Episodes;
using RehabLedger.Programs;
using RehabLedger.Sessions;
using static RehabLedger.Tests.Sessions.EpisodeState;

namespace RehabLedger.Tests.Sessions;

public sealed class LogHomeExerciseDecisionTests
{
    private static LogHomeExercise Log(Episode e, Guid exerciseId, DateOnly? on = null, int sets = 2, int? repetitions = 12,
        int? pain = 2, HomeLogReporter reportedBy = HomeLogReporter.Patient, string? note = null, Guid? id = null) =>
        new(e.Id, e.Version, id ?? Guid.NewGuid(), on ?? Today, exerciseId, sets, repetitions, pain, reportedBy, note, Actor);

    private static HomeExerciseLogged Decide(LogHomeExercise command, Episode e) => LogHomeExerciseHandler.Decide(command, e, Today);

    private static ClinicalRuleViolation Refused(LogHomeExercise command, Episode? e) =>
        Should.Throw<ClinicalRuleViolation>(() => LogHomeExerciseHandler.Decide(command, e, Today));

    private static (Episode Episode, Guid Exercise) WithHomeExercise()
    {
        var e = Open();
        return (e, e.Prescribe(Start, ExerciseSetting.Home, "Bridging"));
    }

    [Fact]
    public void a_completed_home_exercise_becomes_one_event()
    {
        var (e, bridging) = WithHomeExercise();
        var logged = Decide(Log(e, bridging, reportedBy: HomeLogReporter.Therapist, note: "  Did it twice today  "), e);
        logged.ExerciseId.ShouldBe(bridging);
        (logged.Sets, logged.Repetitions, logged.Pain).ShouldBe((2, 12, 2));
        logged.ReportedBy.ShouldBe(HomeLogReporter.Therapist);
        logged.Note.ShouldBe("Did it twice today");
        logged.Date.ShouldBe(Today);
    }

    [Fact]
    public void an_unknown_episode_is_not_found_a_discharged_one_closed_and_a_stale_version_a_conflict()
    {
        var (e, bridging) = WithHomeExercise();
        Refused(Log(e, bridging), null).Code.ShouldBe(ErrorCodes.NotFound);
        Refused(Log(e, bridging) with { ExpectedVersion = 1 }, e).Code.ShouldBe(ErrorCodes.Conflict);
        e.Discharge();
        Refused(Log(e, bridging), e).Code.ShouldBe(ErrorCodes.EpisodeClosed);
    }

    [Fact]
    public void a_log_id_already_used_by_a_log_or_a_session_is_a_conflict()
    {
        var (e, bridging) = WithHomeExercise();
        var first = Decide(Log(e, bridging), e);
        e.Record(first);
        Refused(Log(e, bridging, id: first.LogId), e).Code.ShouldBe(ErrorCodes.Conflict);

        var sessionId = Guid.NewGuid();
        e.Record(new SessionRecorded(e.Id, sessionId, Today, Attendance.NoShow, 0, Assigned.Id, Assigned.DisplayName, [], null, null, null, [], null, Actor));
        Refused(Log(e, bridging, id: sessionId), e).Code.ShouldBe(ErrorCodes.Conflict);
        Refused(Log(e, bridging, id: Guid.Empty), e).Field.ShouldBe("id");
    }

    [Fact]
    public void the_date_lies_within_the_episode_and_not_in_the_future()
    {
        var (e, bridging) = WithHomeExercise();
        Refused(Log(e, bridging, on: Today.AddDays(1)), e).Field.ShouldBe("date");
        Refused(Log(e, bridging, on: Start.AddDays(-1)), e).Field.ShouldBe("date");
        Decide(Log(e, bridging, on: Start), e).Date.ShouldBe(Start);
    }

    [Fact]
    public void the_exercise_must_be_in_the_program()
    {
        var (e, _) = WithHomeExercise();
        Refused(Log(e, Guid.NewGuid()), e).Field.ShouldBe("exerciseId");
    }

    [Fact]
    public void an_exercise_prescribed_after_the_date_is_refused()
    {
        var e = Open();
        var later = e.Prescribe(Today.AddDays(-3), ExerciseSetting.Home);
        Refused(Log(e, later, on: Today.AddDays(-4)), e).Field.ShouldBe("exerciseId");
        Decide(Log(e, later, on: Today.AddDays(-3)), e).ExerciseId.ShouldBe(later);
    }

    [Fact]
    public void an_exercise_must_be_active_on_the_date_as_the_program_stood_then()
    {
        var (e, bridging) = WithHomeExercise();
        e.Discontinue(bridging, Today.AddDays(-5));
        var refusal = Refused(Log(e, bridging, on: Today.AddDays(-5)), e);
        refusal.Field.ShouldBe("exerciseId");
        refusal.Message.ShouldContain("discontinued on 2026-03-13");
        Refused(Log(e, bridging), e).Field.ShouldBe("exerciseId");
        Decide(Log(e, bridging, on: Today.AddDays(-6)), e).ExerciseId.ShouldBe(bridging);
    }

    [Fact]
    public void a_substituted_exercise_is_not_active_after_its_substitution()
    {
        var (e, bridging) = WithHomeExercise();
        e.Substitute(bridging, Today.AddDays(-2));
        Refused(Log(e, bridging), e).Message.ShouldContain("substituted");
    }

    [Fact]
    public void the_exercise_must_be_prescribed_for_home_on_that_date()
    {
        var e = Open();
        var squat = e.Prescribe(Start, ExerciseSetting.Clinic);
        e.MoveHome(squat, Today.AddDays(-7));
        var refusal = Refused(Log(e, squat, on: Today.AddDays(-8)), e);
        refusal.Field.ShouldBe("exerciseId");
        refusal.Message.ShouldContain("for the clinic");
        Decide(Log(e, squat, on: Today.AddDays(-7)), e).ExerciseId.ShouldBe(squat);
    }

    [Theory]
    [InlineData(0, 12, 2, "sets")]
    [InlineData(21, 12, 2, "sets")]
    [InlineData(2, -1, 2, "repetitions")]
    [InlineData(2, 501, 2, "repetitions")]
    [InlineData(2, 12, -1, "pain")]
    [InlineData(2, 12, 11, "pain")]
    public void values_outside_their_limits_are_refused(int sets, int repetitions, int pain, string field)
    {
        var (e, bridging) = WithHomeExercise();
        Refused(Log(e, bridging, sets: sets, repetitions: repetitions, pain: pain), e).Field.ShouldBe(field);
    }

    [Fact]
    public void limits_are_inclusive_and_repetitions_and_pain_optional()
    {
        var (e, bridging) = WithHomeExercise();
        Decide(Log(e, bridging, sets: 1, repetitions: 0, pain: 0), e).Sets.ShouldBe(1);
        Decide(Log(e, bridging, sets: 20, repetitions: 500, pain: 10), e).Sets.ShouldBe(20);
        var bare = Decide(Log(e, bridging, repetitions: null, pain: null), e);
        (bare.Repetitions, bare.Pain).ShouldBe((null, null));
    }

    [Fact]
    public void an_unknown_reporter_is_refused()
    {
        var (e, bridging) = WithHomeExercise();
        Refused(Log(e, bridging, reportedBy: (HomeLogReporter)5), e).Field.ShouldBe("reportedBy");
    }

    [Fact]
    public void a_note_longer_than_short_text_is_refused_not_truncated()
    {
        var (e, bridging) = WithHomeExercise();
        Refused(Log(e, bridging, note: new string('x', Validate.ShortText + 1)), e).Field.ShouldBe("note");
        Decide(Log(e, bridging, note: new string('x', Validate.ShortText)), e).Note!.Length.ShouldBe(Validate.ShortText);
    }
}
