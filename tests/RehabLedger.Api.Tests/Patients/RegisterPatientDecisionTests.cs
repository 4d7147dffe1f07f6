using RehabLedger.Clinics;
using RehabLedger.Common;
using RehabLedger.Patients;

namespace RehabLedger.Tests.Patients;

public sealed class RegisterPatientDecisionTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 18, 9, 0, 0, TimeSpan.Zero);
    private static readonly Clinic Clinic = new() { Id = Guid.NewGuid(), Name = "Harbor PT" };

    private static RegisterPatient Command(string family = "Osei", DateOnly? birth = null, string? mrn = null) =>
        new(Guid.NewGuid(), Clinic.Id, family, "Kwame", birth ?? new DateOnly(1970, 2, 28), AdministrativeSex.Male, mrn, ActorRef.DemoSeeder);

    [Fact]
    public void names_are_trimmed_and_the_clinic_is_kept()
    {
        var registered = RegisterPatientHandler.Decide(Command("  Osei "), Clinic, Now);
        registered.FamilyName.ShouldBe("Osei");
        registered.ClinicId.ShouldBe(Clinic.Id);
        registered.EffectiveAt.ShouldBe(Now);
    }

    [Fact]
    public void an_unknown_clinic_is_not_found() =>
        Should.Throw<ClinicalRuleViolation>(() => RegisterPatientHandler.Decide(Command(), null, Now)).Code.ShouldBe(ErrorCodes.NotFound);

    [Fact]
    public void a_name_longer_than_the_limit_is_refused_not_truncated() =>
        Should.Throw<ClinicalRuleViolation>(() => RegisterPatientHandler.Decide(Command(new string('a', Validate.ShortText + 1)), Clinic, Now))
            .Field.ShouldBe("familyName");

    [Fact]
    public void a_birth_date_after_today_is_refused() =>
        Should.Throw<ClinicalRuleViolation>(() => RegisterPatientHandler.Decide(Command(birth: new DateOnly(2026, 3, 19)), Clinic, Now))
            .Field.ShouldBe("birthDate");
}
