using RehabLedger.Tests.Support;
using RehabLedger.Corrections;
using RehabLedger.Common;
using RehabLedger.Episodes;
using RehabLedger.PlanOfCare;

namespace RehabLedger.Tests.PlanOfCare;

public sealed class CertifyPlanOfCareDecisionTests
{
    private static readonly DateOnly Today = new(2026, 3, 18);

    private static Episode Episode() => new() { Id = Guid.NewGuid(), StartedOn = Today.AddDays(-60), Version = 3 };

    private static CertifyPlanOfCare Command(Episode e, DateOnly start, DateOnly end, Guid? id = null, string name = "Dr. Lena Okoye",
        string? npi = "1234567893", string? note = null) =>
        new(e.Id, e.Version, id ?? Guid.NewGuid(), start, end, new CertifyingPhysician(name, npi), note, new ActorRef("t-1", "therapist", "Robin Ames"));

    private static PlanOfCareCertified Certify(Episode e, DateOnly start, DateOnly end, Guid? id = null)
    {
        var certified = CertifyPlanOfCareHandler.Decide(Command(e, start, end, id), e, Today);
        e.Apply(certified);
        return certified;
    }

    private static ClinicalRuleViolation Refused(Episode e, CertifyPlanOfCare command) =>
        Should.Throw<ClinicalRuleViolation>(() => CertifyPlanOfCareHandler.Decide(command, e, Today));

    [Fact]
    public void a_valid_certification_becomes_one_event_with_trimmed_text()
    {
        var e = Episode();
        var certified = CertifyPlanOfCareHandler.Decide(
            Command(e, Today.AddDays(-10), Today.AddDays(20), name: "  Dr. Lena Okoye ", npi: " 1234567893 ", note: "  "), e, Today);

        certified.EpisodeId.ShouldBe(e.Id);
        certified.EffectiveOn.ShouldBe(Today.AddDays(-10));
        certified.EndsOn.ShouldBe(Today.AddDays(20));
        certified.Physician.ShouldBe(new CertifyingPhysician("Dr. Lena Okoye", "1234567893"));
        certified.Note.ShouldBeNull();
        certified.By.Id.ShouldBe("t-1");
    }

    [Fact]
    public void ninety_days_counting_both_ends_is_accepted()
    {
        var e = Episode();
        var start = Today.AddDays(-5);
        Certify(e, start, start.AddDays(89));
        e.Certifications.Single().Days.ShouldBe(90);
    }

    [Fact]
    public void ninety_one_days_is_refused_on_the_end_naming_the_length()
    {
        var e = Episode();
        var start = Today.AddDays(-5);
        var refused = Refused(e, Command(e, start, start.AddDays(90)));
        refused.Code.ShouldBe(ErrorCodes.ValidationFailed);
        refused.Field.ShouldBe("end");
        refused.Message.ShouldContain("91 days");
    }

    [Fact]
    public void a_one_day_period_is_accepted_and_an_end_before_the_start_is_refused()
    {
        var e = Episode();
        Certify(e, Today, Today).EndsOn.ShouldBe(Today);
        var other = Episode();
        Refused(other, Command(other, Today, Today.AddDays(-1))).Field.ShouldBe("end");
    }

    [Fact]
    public void the_start_lies_within_the_episode_and_not_after_today()
    {
        var e = Episode();
        Refused(e, Command(e, e.StartedOn.AddDays(-1), e.StartedOn.AddDays(30))).Field.ShouldBe("start");
        Refused(e, Command(e, Today.AddDays(1), Today.AddDays(30))).Field.ShouldBe("start");
        Certify(e, e.StartedOn, e.StartedOn.AddDays(29));
        Certify(e, Today, Today.AddDays(60)).EffectiveOn.ShouldBe(Today);
    }

    [Theory]
    [InlineData(-20, 10, "start")] // starts inside the existing period
    [InlineData(-40, -30, "end")] // ends on the existing period's first day
    [InlineData(-40, 30, "end")] // encloses it
    public void an_overlapping_period_is_refused_naming_the_certification_it_overlaps(int startOffset, int endOffset, string field)
    {
        var e = Episode();
        var existing = Certify(e, Today.AddDays(-30), Today.AddDays(-1));
        var refused = Refused(e, Command(e, Today.AddDays(startOffset), Today.AddDays(endOffset)));
        refused.Code.ShouldBe(ErrorCodes.ValidationFailed);
        refused.Field.ShouldBe(field);
        refused.Message.ShouldContain(existing.CertificationId.ToString());
    }

    [Fact]
    public void a_recertification_starting_the_day_after_the_last_one_ends_is_accepted()
    {
        var e = Episode();
        Certify(e, Today.AddDays(-50), Today.AddDays(-1));
        Certify(e, Today, Today.AddDays(89));
        e.Certifications.Count.ShouldBe(2);
    }

    [Fact]
    public void a_certification_entered_in_error_no_longer_blocks_its_period()
    {
        var e = Episode();
        var wrong = Certify(e, Today.AddDays(-30), Today.AddDays(30));
        e.Correct(EntryKind.Certification, wrong.CertificationId).ShouldBeTrue();
        Certify(e, Today.AddDays(-20), Today.AddDays(40));
    }

    [Fact]
    public void the_same_id_twice_is_a_conflict_even_after_the_first_was_entered_in_error()
    {
        var e = Episode();
        var id = Guid.NewGuid();
        Certify(e, Today.AddDays(-60), Today.AddDays(-31), id);
        Refused(e, Command(e, Today.AddDays(-30), Today, id)).Code.ShouldBe(ErrorCodes.Conflict);
        e.Correct(EntryKind.Certification, id);
        Refused(e, Command(e, Today.AddDays(-30), Today, id)).Code.ShouldBe(ErrorCodes.Conflict);
    }

    [Fact]
    public void an_empty_id_is_refused()
    {
        var e = Episode();
        Refused(e, Command(e, Today, Today, Guid.Empty)).Field.ShouldBe("id");
    }

    [Fact]
    public void the_physician_is_named()
    {
        var e = Episode();
        Refused(e, Command(e, Today, Today, name: " ")).Field.ShouldBe("physician.name");
        Refused(e, Command(e, Today, Today, name: new string('x', Validate.ShortText + 1))).Field.ShouldBe("physician.name");
    }

    [Theory]
    [InlineData("123456789")]
    [InlineData("12345678901")]
    [InlineData("12345abcde")]
    [InlineData("1234 56789")]
    [InlineData("１２３４５６７８９０")] // full-width digits are not the ASCII digits an NPI is written in
    public void an_npi_that_is_not_exactly_ten_digits_is_refused(string npi)
    {
        var e = Episode();
        Refused(e, Command(e, Today, Today, npi: npi)).Field.ShouldBe("physician.npi");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void the_npi_is_optional(string? npi)
    {
        var e = Episode();
        CertifyPlanOfCareHandler.Decide(Command(e, Today, Today, npi: npi), e, Today).Physician.Npi.ShouldBeNull();
    }

    [Fact]
    public void an_oversized_note_is_refused_not_truncated()
    {
        var e = Episode();
        Refused(e, Command(e, Today, Today, note: new string('x', Validate.LongText + 1))).Field.ShouldBe("note");
    }

    [Fact]
    public void an_unknown_episode_is_not_found_a_stale_version_conflicts_and_a_discharged_one_is_closed()
    {
        var e = Episode();
        Should.Throw<ClinicalRuleViolation>(() => CertifyPlanOfCareHandler.Decide(Command(e, Today, Today), null, Today))
            .Code.ShouldBe(ErrorCodes.NotFound);
        Refused(e, Command(e, Today, Today) with { ExpectedVersion = 2 }).Code.ShouldBe(ErrorCodes.Conflict);
        e.Apply(new EpisodeDischarged(e.Id, Today, "Goals met", ActorRef.DemoSeeder));
        Refused(e, Command(e, Today, Today)).Code.ShouldBe(ErrorCodes.EpisodeClosed);
    }
}
