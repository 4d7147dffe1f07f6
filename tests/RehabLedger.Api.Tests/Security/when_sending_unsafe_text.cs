using System.Net;
using RehabLedger.Common;
using RehabLedger.Tests.Support;

namespace RehabLedger.Tests.Security;

/// <summary>
/// Text PostgreSQL cannot store (U+0000), control characters, unpaired surrogates and noncharacters are refused where
/// they enter, with VALIDATION_FAILED on their path, for every text leaf of every argument the schema has.
/// </summary>
public sealed class when_sending_unsafe_text(AppFixture fixture) : AppScenario(fixture)
{
    public static TheoryData<string> Unsafe() => new() { "a\u0000b", "\u0000", "line\u001b[2Jcleared", "tab\u0007bell", "del\u007f", "c1\u0085" };

    [Theory]
    [MemberData(nameof(Unsafe))]
    public async Task every_text_variable_of_every_operation_is_refused_before_anything_runs(string text)
    {
        var before = await EventCount();
        var wrong = new List<string>();
        foreach (var leaf in SchemaInputs.Leaves())
        {
            var (query, variables) = SchemaInputs.AsVariables(leaf, text);
            var response = await GraphQL(query, variables);
            if (Refusal(response, leaf) is { } problem) wrong.Add($"{leaf}: {problem}");
        }
        wrong.ShouldBeEmpty();
        (await EventCount()).ShouldBe(before);
    }

    [Theory]
    [MemberData(nameof(Unsafe))]
    public async Task every_text_literal_of_every_operation_is_refused_before_anything_runs(string text)
    {
        var before = await EventCount();
        var wrong = new List<string>();
        foreach (var leaf in SchemaInputs.Leaves().Where(l => l.Literal))
        {
            var response = await GraphQL(SchemaInputs.AsLiterals(leaf, text));
            if (Refusal(response, leaf) is { } problem) wrong.Add($"{leaf}: {problem}");
        }
        wrong.ShouldBeEmpty();
        (await EventCount()).ShouldBe(before);
    }

    [Fact]
    public void the_schema_walk_reaches_nested_inputs_lists_ids_enums_and_filters()
    {
        var leaves = SchemaInputs.Leaves().Select(l => $"{l.Coordinate} {l.Path}").ToList();
        leaves.ShouldContain("Mutation.recordSession input.adverseEvents[0].description");
        leaves.ShouldContain("Mutation.recordSession input.note");
        leaves.ShouldContain("Mutation.openEpisode input.coverage.payerId");
        leaves.ShouldContain("Mutation.registerPatient input.sex");
        leaves.ShouldContain("Mutation.markEnteredInError input.reason");
        leaves.ShouldContain("Query.outcomeHistories payerId");
        leaves.ShouldContain("Query.accessLog filter.actorId");
        leaves.ShouldContain("Query.episode id");
    }

    [Fact]
    public async Task an_unpaired_surrogate_or_a_noncharacter_written_into_the_document_is_refused()
    {
        var before = await EventCount();
        var surrogate = await GraphQL("""mutation { registerClinic(input: { name: "half \uD83E a leg" }) { version } }""");
        surrogate.Status.ShouldBe(HttpStatusCode.BadRequest);
        surrogate.ErrorCode.ShouldBe(ErrorCodes.ValidationFailed);
        surrogate.ErrorField.ShouldBe("input.name");
        surrogate.ErrorMessage.ShouldBe($"input.name holds an unpaired surrogate U+D83E at position 5; {SafeText.Rule}.");

        var noncharacter = await GraphQL("""{ outcomeHistories(payerId: "aetna\uFFFF", from: "2026-01-01", to: "2026-01-02") { totalCount } }""");
        noncharacter.ErrorCode.ShouldBe(ErrorCodes.ValidationFailed);
        noncharacter.ErrorField.ShouldBe("payerId");
        (await EventCount()).ShouldBe(before);
    }

    [Fact]
    public async Task a_nul_deep_in_a_list_is_named_by_its_path_and_nothing_is_written()
    {
        var e = await Host.OpenEpisode(Today.AddDays(-5));
        var before = await EventCount();
        var input = SessionsApi.AttendedInput(e, e.Version, Today);
        input["adverseEvents"] = new[]
        {
            new { description = "Dizzy", severity = "MILD", actionTaken = "Rested" },
            new { description = "Knee gave way\u0000", severity = "MILD", actionTaken = "Iced" },
        };

        var response = await GraphQL(SessionsApi.RecordSessionMutation, new { input });

        response.Status.ShouldBe(HttpStatusCode.BadRequest);
        response.ErrorCode.ShouldBe(ErrorCodes.ValidationFailed);
        response.ErrorField.ShouldBe("input.adverseEvents[1].description");
        response.ErrorMessage.ShouldBe($"input.adverseEvents[1].description holds a control character U+0000 at position 13; {SafeText.Rule}.");
        (await EventCount()).ShouldBe(before);
    }

    [Fact]
    public async Task free_text_may_span_lines_and_a_name_may_not()
    {
        var e = await Host.OpenEpisode(Today.AddDays(-5));
        const string findings = "Antalgic gait.\r\n\tRight knee: effusion.\nNo instability.";
        var assessed = await GraphQL(ClinicalApi.RecordAssessmentMutation.Replace("assessments { id kind effectiveOn }", "assessments { findings }"),
            new { input = ClinicalApi.AssessmentInput(e, e.Version, Today, findings: findings) });
        assessed.Ok()["recordAssessment"]!["episode"]!["assessments"]![0]!["findings"]!.GetValue<string>().ShouldBe(findings);

        var before = await EventCount();
        var name = await GraphQL("mutation($input: RegisterClinicInput!) { registerClinic(input: $input) { version } }",
            new { input = new { name = "Harbor\nPhysical Therapy" } });
        name.ErrorCode.ShouldBe(ErrorCodes.ValidationFailed);
        name.ErrorField.ShouldBe("input.name");
        name.ErrorMessage.ShouldBe($"input.name holds a control character U+000A at position 6; {SafeText.Rule}.");
        (await EventCount()).ShouldBe(before);
    }

    /// <summary>Null when the answer is the refusal the leaf should get; otherwise what was wrong with it.</summary>
    private static string? Refusal(GraphQLResponse response, TextLeaf leaf)
    {
        if ((int)response.Status >= 500) return $"status {(int)response.Status}";
        if (response.Status != HttpStatusCode.BadRequest) return $"status {(int)response.Status}: {response.Body.ToJsonString()}";
        var errors = response.Errors?.Select(e => (Code: e!["extensions"]?["code"]?.GetValue<string>(), Field: e["extensions"]?["field"]?.GetValue<string>()))
            .ToList() ?? [];
        return errors.Contains((ErrorCodes.ValidationFailed, leaf.Path)) ? null : response.Body.ToJsonString();
    }
}
