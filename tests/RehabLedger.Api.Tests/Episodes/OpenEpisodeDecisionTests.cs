using RehabLedger.Clinics;
using RehabLedger.Common;
using RehabLedger.Episodes;
using RehabLedger.Patients;

namespace RehabLedger.Tests.Episodes;

public sealed class OpenEpisodeDecisionTests
{
    private static readonly DateOnly Today = new(2026, 3, 18);
    private static readonly Clinic Clinic = new() { Id = Guid.NewGuid(), Name = "Harbor PT" };
    private static readonly Therapist Therapist = new() { Id = Guid.NewGuid(), ClinicId = Clinic.Id, DisplayName = "Robin Ames" };
    private static readonly Patient Patient = new() { Id = Guid.NewGuid(), ClinicId = Clinic.Id, BirthDate = new(1960, 1, 1) };

    private static OpenEpisode Command(string icd10 = "m17.11", DateOnly? startedOn = null, Coverage? coverage = null) =>
        new(Guid.NewGuid(), Patient.Id, Clinic.Id, Therapist.Id, new Condition(icd10, "Knee OA", "knee"), null, coverage,
            startedOn ?? Today, ActorRef.DemoSeeder);

    private static EpisodeParties All => new(Patient, Clinic, Therapist);

    [Fact]
    public void the_icd10_code_is_normalised_to_upper_case() =>
        OpenEpisodeHandler.Decide(Command(), All, Today).Condition.Icd10Code.ShouldBe("M17.11");

    [Theory]
    [InlineData("M17.")]
    [InlineData("17.11")]
    [InlineData("M17.11111")]
    public void a_malformed_icd10_code_is_refused(string code) =>
        Should.Throw<ClinicalRuleViolation>(() => OpenEpisodeHandler.Decide(Command(code), All, Today)).Field.ShouldBe("condition.icd10Code");

    [Fact]
    public void each_missing_party_is_not_found_by_its_field()
    {
        Should.Throw<ClinicalRuleViolation>(() => OpenEpisodeHandler.Decide(Command(), All with { Patient = null }, Today)).Field.ShouldBe("patientId");
        Should.Throw<ClinicalRuleViolation>(() => OpenEpisodeHandler.Decide(Command(), All with { Clinic = null }, Today)).Field.ShouldBe("clinicId");
        Should.Throw<ClinicalRuleViolation>(() => OpenEpisodeHandler.Decide(Command(), All with { Therapist = null }, Today)).Field.ShouldBe("therapistId");
    }

    [Fact]
    public void a_patient_of_another_clinic_is_refused()
    {
        var stranger = new Patient { Id = Patient.Id, ClinicId = Guid.NewGuid(), BirthDate = Patient.BirthDate };
        Should.Throw<ClinicalRuleViolation>(() => OpenEpisodeHandler.Decide(Command(), All with { Patient = stranger }, Today)).Field.ShouldBe("patientId");
    }

    [Fact]
    public void an_episode_cannot_start_in_the_future() =>
        Should.Throw<ClinicalRuleViolation>(() => OpenEpisodeHandler.Decide(Command(startedOn: Today.AddDays(1)), All, Today)).Field.ShouldBe("startedOn");

    [Fact]
    public void coverage_needs_a_member_id() =>
        Should.Throw<ClinicalRuleViolation>(() => OpenEpisodeHandler.Decide(Command(coverage: new Coverage("aetna", "Aetna", "")), All, Today))
            .Field.ShouldBe("coverage.memberId");
}
