using RehabLedger.Clinics;
using RehabLedger.Common;

namespace RehabLedger.Tests.Clinics;

public sealed class RegisterTherapistDecisionTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 18, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void a_therapist_joins_an_existing_clinic()
    {
        var clinic = new Clinic { Id = Guid.NewGuid(), Name = "Harbor PT" };
        var registered = RegisterTherapistHandler.Decide(
            new RegisterTherapist(Guid.NewGuid(), clinic.Id, "Robin Ames", "PT", null, ActorRef.DemoSeeder), clinic, Now);
        registered.ClinicId.ShouldBe(clinic.Id);
        registered.Profession.ShouldBe("PT");
    }

    [Fact]
    public void an_unknown_clinic_is_not_found() =>
        Should.Throw<ClinicalRuleViolation>(() => RegisterTherapistHandler.Decide(
                new RegisterTherapist(Guid.NewGuid(), Guid.NewGuid(), "Robin Ames", "PT", null, ActorRef.DemoSeeder), null, Now))
            .Field.ShouldBe("clinicId");

    [Fact]
    public void a_clinic_needs_a_name() =>
        Should.Throw<ClinicalRuleViolation>(() => RegisterClinicHandler.Decide(new RegisterClinic(Guid.NewGuid(), "", ActorRef.DemoSeeder), Now))
            .Field.ShouldBe("name");
}
