using RehabLedger.Clinics;
using RehabLedger.Common;
using RehabLedger.Corrections;
using RehabLedger.Episodes;
using RehabLedger.GraphQL;

namespace RehabLedger.Tests.Common;

/// <summary>Domain rules name the offending value relative to the command; GraphQL puts it under its <c>input</c>.</summary>
public sealed class when_a_rule_names_the_offending_value
{
    private static readonly DateOnly Today = new(2026, 3, 18);
    private static readonly Guid ClinicId = Guid.NewGuid();
    private static readonly ActorRef By = new("t-1", "therapist", "Robin Ames");
    private static readonly Therapist Assessor = new() { Id = Guid.NewGuid(), ClinicId = ClinicId, DisplayName = "Robin Ames" };

    private static Episode Episode() => new() { Id = Guid.NewGuid(), ClinicId = ClinicId, StartedOn = Today.AddDays(-20), Version = 1 };

    private static ClinicalRuleViolation Assess(Episode e, decimal nprs) => Should.Throw<ClinicalRuleViolation>(() =>
        RecordAssessmentHandler.Decide(new RecordAssessment(e.Id, e.Version, Guid.NewGuid(), AssessmentKind.Initial, Today, Assessor.Id,
            [new MeasureResult("NPRS", nprs)], [], [], null, By), e, Assessor, Today));

    [Fact]
    public void a_decision_names_the_path_inside_the_command()
    {
        Assess(Episode(), 11).Field.ShouldBe("measures[0].value");
        Should.Throw<ClinicalRuleViolation>(() => MarkEnteredInErrorHandler.Decide(
            new MarkEnteredInError(Guid.NewGuid(), 1, Guid.NewGuid(), "Typo", By), null, Today)).Field.ShouldBe("episodeId");
    }

    [Fact]
    public void a_nested_command_names_its_place_in_the_outer_one()
    {
        var e = Episode();
        var discharge = new DischargeEpisode(e.Id, e.Version, Today, "Goals met",
            new DischargeAssessment(Guid.NewGuid(), Assessor.Id, [new MeasureResult("NPRS", -1)], [], [], null), By);
        Should.Throw<ClinicalRuleViolation>(() => DischargeEpisodeHandler.Decide(discharge, e, Assessor, Today))
            .Field.ShouldBe("assessment.measures[0].value");
    }

    [Theory]
    [InlineData("measures[0].value", "input", "input.measures[0].value")]
    [InlineData("", "input", "input")]
    [InlineData("episodeId", null, "episodeId")]
    public void graphql_puts_a_commands_path_under_input_and_leaves_other_arguments_alone(string domain, string? root, string graphql) =>
        ErrorMapping.GraphQLField(domain, root).ShouldBe(graphql);

    [Fact]
    public void a_message_that_names_its_field_names_it_as_the_surface_does()
    {
        var violation = ClinicalRuleViolation.Invalid("reason", "reason is required.");
        violation.MessageNaming("input.reason").ShouldBe("input.reason is required.");
        violation.MessageNaming(null).ShouldBe("reason is required.");
        ClinicalRuleViolation.Invalid("kind", "This episode already has an initial assessment.").MessageNaming("input.kind")
            .ShouldBe("This episode already has an initial assessment.");
    }

    [Fact]
    public void a_mapped_violation_carries_the_graphql_field_and_message()
    {
        var error = ErrorMapping.ToExecutionError(Assess(Episode(), 11), null, out _, ErrorMapping.CommandArgument);
        error.Data[ErrorMapping.FieldKey].ShouldBe("input.measures[0].value");
        error.Code.ShouldBe(ErrorCodes.ValidationFailed);
    }
}
