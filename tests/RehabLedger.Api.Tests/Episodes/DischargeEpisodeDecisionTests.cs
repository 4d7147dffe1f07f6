using RehabLedger.Common;
using RehabLedger.Episodes;

namespace RehabLedger.Tests.Episodes;

public sealed class DischargeEpisodeDecisionTests
{
    private static readonly DateOnly Today = new(2026, 3, 18);

    private static Episode Episode() => new() { Id = Guid.NewGuid(), StartedOn = Today.AddDays(-30), Version = 2 };

    [Fact]
    public void discharge_records_date_and_reason()
    {
        var e = Episode();
        var discharged = DischargeEpisodeHandler.Decide(new DischargeEpisode(e.Id, 2, Today, " Goals met ", null, ActorRef.DemoSeeder), e, null, Today);
        discharged.Assessment.ShouldBeNull();
        discharged.Events.ShouldBe([discharged.Discharged]);
        discharged.Discharged.Reason.ShouldBe("Goals met");
        discharged.Discharged.EffectiveOn.ShouldBe(Today);
    }

    [Fact]
    public void discharging_twice_is_refused_as_closed()
    {
        var e = Episode();
        e.Apply(new EpisodeDischarged(e.Id, Today, "Goals met", ActorRef.DemoSeeder));
        Should.Throw<ClinicalRuleViolation>(() => DischargeEpisodeHandler.Decide(new DischargeEpisode(e.Id, 3, Today, "again", null, ActorRef.DemoSeeder), e, null, Today))
            .Code.ShouldBe(ErrorCodes.EpisodeClosed);
    }

    [Fact]
    public void a_discharge_before_the_last_assessment_is_refused()
    {
        var e = Episode();
        e.Apply(new AssessmentRecorded(e.Id, Guid.NewGuid(), AssessmentKind.Initial, Today.AddDays(-5), Guid.NewGuid(), "R", [new("LEFS", 40)], [], [], null, ActorRef.DemoSeeder));
        Should.Throw<ClinicalRuleViolation>(() => DischargeEpisodeHandler.Decide(new DischargeEpisode(e.Id, 2, Today.AddDays(-6), "done", null, ActorRef.DemoSeeder), e, null, Today))
            .Field.ShouldBe("effectiveOn");
    }

    [Fact]
    public void a_reason_is_required()
    {
        var e = Episode();
        Should.Throw<ClinicalRuleViolation>(() => DischargeEpisodeHandler.Decide(new DischargeEpisode(e.Id, 2, Today, " ", null, ActorRef.DemoSeeder), e, null, Today))
            .Field.ShouldBe("reason");
    }
}
