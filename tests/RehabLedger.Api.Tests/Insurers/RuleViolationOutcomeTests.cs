using Hl7.Fhir.Model;
using RehabLedger.Common;
using RehabLedger.Insurers.Fhir;

namespace RehabLedger.Tests.Insurers;

public sealed class when_a_fhir_route_refuses
{
    [Fact]
    public void a_commands_path_becomes_an_expression_from_the_request_root()
    {
        var issue = RuleViolationOutcome.Issue(ClinicalRuleViolation.Invalid("measures[0].value", "11 is outside the range of NPRS (0-10)."), "Parameters");

        issue.Expression.ShouldBe(["Parameters.measures[0].value"]);
        issue.Code.ShouldBe(OperationOutcome.IssueType.Invalid);
        issue.Severity.ShouldBe(OperationOutcome.IssueSeverity.Error);
        issue.Diagnostics.ShouldBe("11 is outside the range of NPRS (0-10).");
    }

    [Fact]
    public void a_route_parameter_stands_alone_and_the_command_as_a_whole_is_its_root()
    {
        RuleViolationOutcome.Expression("id", root: null).ShouldBe("id");
        RuleViolationOutcome.Expression(FieldPath.Command, "Parameters").ShouldBe("Parameters");
        RuleViolationOutcome.Expression(FieldPath.Command, root: null).ShouldBeNull();
        RuleViolationOutcome.Issue(ClinicalRuleViolation.Conflict("Stale.")).Expression.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(ErrorCodes.ValidationFailed, 400, OperationOutcome.IssueType.Invalid)]
    [InlineData(ErrorCodes.NotFound, 404, OperationOutcome.IssueType.NotFound)]
    [InlineData(ErrorCodes.Conflict, 409, OperationOutcome.IssueType.Conflict)]
    [InlineData(ErrorCodes.Forbidden, 403, OperationOutcome.IssueType.Forbidden)]
    [InlineData(ErrorCodes.EpisodeClosed, 422, OperationOutcome.IssueType.BusinessRule)]
    public void each_code_has_its_issue_type_and_status(string code, int status, OperationOutcome.IssueType type)
    {
        RuleViolationOutcome.StatusCode(code).ShouldBe(status);
        RuleViolationOutcome.IssueType(code).ShouldBe(type);
    }
}
