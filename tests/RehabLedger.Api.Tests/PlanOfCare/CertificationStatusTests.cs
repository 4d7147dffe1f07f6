using RehabLedger.Tests.Support;
using RehabLedger.Corrections;
using RehabLedger.Caseload;
using RehabLedger.Episodes;
using RehabLedger.PlanOfCare;

namespace RehabLedger.Tests.PlanOfCare;

public sealed class CertificationStatusTests
{
    private static readonly DateOnly Today = new(2026, 3, 18);

    private static Certification Period(int startOffset, int endOffset) => new()
    {
        Id = Guid.NewGuid(),
        Start = Today.AddDays(startOffset),
        End = Today.AddDays(endOffset),
        Physician = new CertifyingPhysician("Dr. Lena Okoye", null),
    };

    [Fact]
    public void the_certification_covering_today_is_taken_over_one_that_ends_later()
    {
        var covering = Period(-10, 30);
        var later = Period(31, 100);
        var status = CertificationStatus.On([later, covering], Today);
        status.Certification.ShouldBeSameAs(covering);
        status.DaysRemaining.ShouldBe(30);
        status.Ending.ShouldBeFalse();
        status.Lapsed.ShouldBeFalse();
        status.Missing.ShouldBeFalse();
    }

    [Fact]
    public void without_a_covering_certification_the_one_ending_latest_is_taken()
    {
        var latest = Period(-30, -3);
        var status = CertificationStatus.On([Period(-120, -31), latest], Today);
        status.Certification.ShouldBeSameAs(latest);
        status.DaysRemaining.ShouldBe(-3);
        status.Lapsed.ShouldBeTrue();
        status.Ending.ShouldBeTrue();
    }

    [Theory]
    [InlineData(8, false, false)]
    [InlineData(7, true, false)] // exactly 7 days left: inclusive
    [InlineData(0, true, false)] // its last day still covers today
    [InlineData(-1, true, true)]
    public void the_flag_is_raised_when_seven_days_or_fewer_remain(int daysRemaining, bool ending, bool lapsed)
    {
        var status = CertificationStatus.On([Period(Math.Min(-1, daysRemaining - 1), daysRemaining)], Today);
        status.DaysRemaining.ShouldBe(daysRemaining);
        status.Ending.ShouldBe(ending);
        status.Lapsed.ShouldBe(lapsed);
        status.Missing.ShouldBeFalse();
    }

    [Fact]
    public void no_certification_on_record_raises_the_flag_as_missing()
    {
        var status = CertificationStatus.On([], Today);
        status.ShouldBe(new CertificationState(null, null, Ending: true, Lapsed: false, Missing: true));
    }

    [Fact]
    public void certifications_entered_in_error_count_nowhere()
    {
        var (earlier, wrong) = (Period(-60, -11), Period(-10, 60));
        var row = new CaseloadRow { Id = Guid.NewGuid(), Certifications = [earlier, wrong] };
        row.EnteredInError.Apply(InMemoryCorrections.Correction(row.Id, EntryKind.Certification, wrong.Id));

        var status = CertificationStatus.On(row.StandingCertifications, Today);
        status.Certification.ShouldBeSameAs(earlier);
        status.Lapsed.ShouldBeTrue();
        CertificationStatus.On(row.StandingCertifications.Where(c => c != earlier), Today).Missing.ShouldBeTrue();
    }

    [Fact]
    public void marking_a_certification_entered_in_error_flags_only_that_entry()
    {
        var episode = new Episode { Id = Guid.NewGuid() };
        var id = Guid.NewGuid();
        episode.Apply(new PlanOfCareCertified(episode.Id, id, Today, Today.AddDays(10), new CertifyingPhysician("Dr. Okoye", null), null,
            RehabLedger.Common.ActorRef.DemoSeeder));

        episode.Correct(EntryKind.Certification, Guid.NewGuid()).ShouldBeFalse();
        episode.StandingCertifications.ShouldHaveSingleItem();
        episode.Correct(EntryKind.Certification, id).ShouldBeTrue();
        episode.StandingCertifications.ShouldBeEmpty();
        CertificationStatus.On(episode.StandingCertifications, Today).Missing.ShouldBeTrue();
    }
}
