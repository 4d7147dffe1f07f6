using RehabLedger.Tests.Support;
using RehabLedger.Corrections;
using RehabLedger.Caseload;
using RehabLedger.PlanOfCare;

namespace RehabLedger.Tests.Caseload;

public sealed class CaseloadFlagsTests
{
    private static readonly DateOnly Today = new(2026, 3, 18);

    /// <summary>An episode that raises no flag: fresh assessment, current certification, recent attendance.</summary>
    private static CaseloadRow Quiet() => new()
    {
        Id = Guid.NewGuid(),
        StartedOn = Today.AddDays(-20),
        Assessments = [new(Guid.NewGuid(), Today.AddDays(-20))],
        Certifications = [new Certification { Id = Guid.NewGuid(), Start = Today.AddDays(-20), End = Today.AddDays(60) }],
        Sessions = [Session(-3, 4)],
    };

    private static SessionFact Session(int daysAgo, int? pain = null, bool attended = true, bool adverse = false) =>
        new(Guid.NewGuid(), Today.AddDays(daysAgo), attended, pain, adverse);

    private static IReadOnlySet<CaseloadFlag> Flags(CaseloadRow row) => CaseloadFlags.Evaluate(row, Today).Flags;

    [Fact]
    public void a_quiet_episode_raises_nothing() => Flags(Quiet()).ShouldBeEmpty();

    [Fact]
    public void pain_strictly_rising_over_the_last_three_attended_sessions_is_worsening()
    {
        var row = Quiet();
        row.Sessions = [Session(-9, 6), Session(-7, 3), Session(-5, 4), Session(-4, attended: false), Session(-3, 5)];
        Flags(row).ShouldContain(CaseloadFlag.PainWorsening);

        row.Sessions = [Session(-7, 3), Session(-5, 4), Session(-3, 4)];
        Flags(row).ShouldNotContain(CaseloadFlag.PainWorsening);

        row.Sessions = [Session(-5, 4), Session(-3, 5)];
        Flags(row).ShouldNotContain(CaseloadFlag.PainWorsening);
    }

    [Fact]
    public void a_session_entered_in_error_counts_nowhere()
    {
        var row = Quiet();
        var wrong = Session(-4, 2);
        row.Sessions = [Session(-7, 3), wrong, Session(-5, 4), Session(-3, 5)];
        Flags(row).ShouldNotContain(CaseloadFlag.PainWorsening);
        row.EnteredInError.Apply(InMemoryCorrections.Correction(row.Id, EntryKind.Session, wrong.Id));
        Flags(row).ShouldContain(CaseloadFlag.PainWorsening);
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(-7, true)]
    [InlineData(-8, false)]
    public void an_adverse_event_counts_for_seven_days(int daysAgo, bool flagged)
    {
        var row = Quiet();
        row.Sessions = [Session(daysAgo, adverse: true)];
        Flags(row).Contains(CaseloadFlag.RecentAdverseEvent).ShouldBe(flagged);
    }

    [Theory]
    [InlineData(-30, false)]
    [InlineData(-31, true)]
    public void reassessment_is_due_after_more_than_thirty_days(int lastAssessment, bool due)
    {
        var row = Quiet();
        row.StartedOn = Today.AddDays(-60);
        row.Assessments = [new(Guid.NewGuid(), Today.AddDays(-60)), new(Guid.NewGuid(), Today.AddDays(lastAssessment))];
        Flags(row).Contains(CaseloadFlag.ReassessmentDue).ShouldBe(due);
    }

    [Fact]
    public void without_any_assessment_the_episode_start_counts()
    {
        var row = Quiet();
        row.Assessments = [];
        row.StartedOn = Today.AddDays(-31);
        Flags(row).ShouldContain(CaseloadFlag.ReassessmentDue);
    }

    [Fact]
    public void progress_report_is_due_after_ten_attended_sessions_and_a_session_on_the_report_date_is_covered()
    {
        var row = Quiet();
        row.ProgressReports = [new(Guid.NewGuid(), Today.AddDays(-12))];
        row.Sessions = [Session(-12), .. Enumerable.Range(1, 9).Select(i => Session(-12 + i)), Session(-11, attended: false)];
        Flags(row).ShouldNotContain(CaseloadFlag.ProgressReportDue);

        row.Sessions.Add(Session(0));
        Flags(row).ShouldContain(CaseloadFlag.ProgressReportDue);
        CaseloadFlags.Evaluate(row, Today).AttendedSinceProgressReport.ShouldBe(10);
    }

    [Fact]
    public void no_certification_at_all_raises_the_certification_flag()
    {
        var row = Quiet();
        row.Certifications = [];
        Flags(row).ShouldContain(CaseloadFlag.CertificationEnding);
    }

    [Theory]
    [InlineData(7, true)]
    [InlineData(8, false)]
    [InlineData(-1, true)]
    public void a_certification_ending_within_seven_days_or_lapsed_is_flagged(int endsInDays, bool flagged)
    {
        var row = Quiet();
        row.Certifications = [new Certification { Id = Guid.NewGuid(), Start = Today.AddDays(-60), End = Today.AddDays(endsInDays) }];
        Flags(row).Contains(CaseloadFlag.CertificationEnding).ShouldBe(flagged);
    }

    [Theory]
    [InlineData(-13, false)]
    [InlineData(-14, true)]
    public void no_attendance_for_fourteen_days_is_flagged(int lastAttended, bool flagged)
    {
        var row = Quiet();
        row.StartedOn = Today.AddDays(-30);
        row.Sessions = [Session(lastAttended), Session(-2, attended: false)];
        Flags(row).Contains(CaseloadFlag.NoRecentAttendance).ShouldBe(flagged);
    }
}
