using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using RehabLedger.Tests.Support;
using Task = System.Threading.Tasks.Task;

namespace RehabLedger.Tests.Common;

/// <summary>
/// One refusal, each surface in its own form: GraphQL names the value under the mutation's <c>input</c> (message
/// included), a query's own argument by its name, the FHIR route as an OperationOutcome expression.
/// </summary>
public sealed class when_each_surface_names_the_offending_value(AppFixture fixture) : AppScenario(fixture)
{
    [Fact]
    public async Task graphql_names_a_commands_value_under_input()
    {
        var e = await Host.OpenEpisode(Today.AddDays(-10));

        var response = await GraphQL(ClinicalApi.RecordAssessmentMutation, new
        {
            input = ClinicalApi.AssessmentInput(e, e.Version, Today, measures: [new { code = "NPRS", value = 11 }]),
        });

        response.ErrorCode.ShouldBe("VALIDATION_FAILED");
        response.ErrorField.ShouldBe("input.measures[0].value");
    }

    [Fact]
    public async Task graphql_names_the_field_in_the_message_the_same_way()
    {
        var e = await Host.OpenEpisode(Today.AddDays(-10));

        var response = await GraphQL("""
            mutation($input: MarkEnteredInErrorInput!) { markEnteredInError(input: $input) { version } }
            """, new { input = new { episodeId = e.EpisodeId, expectedVersion = e.Version, entryId = Guid.NewGuid(), reason = "Typo" } });

        response.ErrorCode.ShouldBe("NOT_FOUND");
        response.ErrorField.ShouldBe("input.entryId");

        var blank = await GraphQL("""
            mutation($input: RegisterClinicInput!) { registerClinic(input: $input) { clinic { id } } }
            """, new { input = new { id = Guid.NewGuid(), name = "  " } });
        blank.ErrorField.ShouldBe("input.name");
        blank.ErrorMessage.ShouldBe("input.name is required.");
    }

    [Fact]
    public async Task graphql_names_a_querys_own_argument_by_its_name()
    {
        var response = await GraphQL("query($id: ID!) { programHistory(episodeId: $id) { totalCount } }", new { id = Guid.NewGuid() });

        response.ErrorCode.ShouldBe("NOT_FOUND");
        response.ErrorField.ShouldBe("episodeId");
    }

    [Fact]
    public async Task the_fhir_route_answers_an_operation_outcome_naming_its_parameter()
    {
        var (status, _, json) = await Host.Get("/fhir/episodes/not-an-id/outcome-history");

        status.ShouldBe(404);
        var issue = new FhirJsonDeserializer().Deserialize<OperationOutcome>(json).Issue.Single();
        issue.Code.ShouldBe(OperationOutcome.IssueType.NotFound);
        issue.Expression.ShouldBe(["id"]);
        issue.Diagnostics!.ShouldContain("not-an-id");
    }
}
