using System.Diagnostics;
using System.Net;
using GraphQL.Types;
using GraphQL.Types.Relay;
using RehabLedger.GraphQL;
using RehabLedger.GraphQL.Cost;
using RehabLedger.Tests.Support;

namespace RehabLedger.Tests.Security;

/// <summary>
/// A field is priced by what resolving it does (<see cref="FieldCost"/>), and a document may select only so many fields that
/// each read the database or build a document: many aliases of a field that looks like a scalar are refused before any runs.
/// </summary>
public sealed class when_pricing_expensive_fields(AppFixture fixture) : AppScenario(fixture)
{
    private static readonly int Cap = new GraphQLLimits().MaxExpensiveFields;

    private static string Aliases(int count, string field) =>
        "{ " + string.Join(" ", Enumerable.Range(0, count).Select(i => $"a{i}: {field}")) + " }";

    [Fact]
    public async Task eight_thousand_aliases_of_the_fhir_bundle_are_refused_before_any_runs()
    {
        var started = Stopwatch.GetTimestamp();
        var response = await GraphQL(Aliases(8_000, $"outcomeHistoryFhir(episodeId: \"{Guid.NewGuid()}\")"));

        // So many aliases are more text than a document may hold: refused before it is even parsed.
        response.Status.ShouldBe(HttpStatusCode.BadRequest);
        response.ErrorCode.ShouldBe("DOCUMENT_TOO_LARGE");
        Stopwatch.GetElapsedTime(started).ShouldBeLessThan(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task a_thousand_aliases_of_the_fhir_bundle_within_the_document_bounds_are_refused_by_the_cap()
    {
        var response = await GraphQL("query($e: ID!) " + Aliases(1_000, "outcomeHistoryFhir(episodeId: $e)"), new { e = Guid.NewGuid() });

        response.Status.ShouldBe(HttpStatusCode.BadRequest);
        response.ErrorCode.ShouldBe("COMPLEXITY");
        response.ErrorMessage.ShouldContain($"at most {Cap} are allowed in one document");
    }

    [Theory]
    [InlineData("episode(id: \"{0}\") {{ id }}")]
    [InlineData("programAsOf(episodeId: \"{0}\", version: 1) {{ version }}")]
    [InlineData("programHistory(episodeId: \"{0}\") {{ totalCount }}")]
    [InlineData("episodeEvents(episodeId: \"{0}\") {{ totalCount }}")]
    [InlineData("auditTrail {{ pageInfo {{ hasNextPage }} }}")]
    [InlineData("accessLog {{ totalCount }}")]
    [InlineData("outcomeHistory(episodeId: \"{0}\") {{ episodeId }}")]
    [InlineData("clinics {{ id }}")]
    public async Task one_alias_past_the_cap_is_refused_and_the_cap_itself_answers(string field)
    {
        var selection = string.Format(field, Guid.NewGuid());

        (await GraphQL(Aliases(Cap, selection))).Status.ShouldBe(HttpStatusCode.OK);

        var refused = await GraphQL(Aliases(Cap + 1, selection));
        refused.Status.ShouldBe(HttpStatusCode.BadRequest);
        refused.ErrorCode.ShouldBe("COMPLEXITY");
    }

    [Fact]
    public async Task every_use_of_a_fragment_counts()
    {
        var half = Cap / 2 + 1;
        var response = await GraphQL($$"""
            query { ...A ...B }
            fragment A on Query { {{string.Join(" ", Enumerable.Range(0, half).Select(i => $"a{i}: clinics {{ id }}"))}} }
            fragment B on Query { {{string.Join(" ", Enumerable.Range(0, half).Select(i => $"b{i}: clinics {{ id }}"))}} }
            """);

        response.Status.ShouldBe(HttpStatusCode.BadRequest);
        response.ErrorCode.ShouldBe("COMPLEXITY");
    }

    [Fact]
    public async Task a_fragment_bomb_is_refused_before_the_analysis_walks_it()
    {
        // Each fragment spreads the one before twice: a million fields once expanded, in a document of 1 KB. The document's
        // bounds count each fragment once and refuse it before validation; the analysis would stop at its own limit too.
        var fragments = string.Join("\n", Enumerable.Range(1, 20).Select(i => $"fragment F{i} on OutcomeMeasure {{ ...F{i - 1} ...F{i - 1} }}"));
        var response = await GraphQL($"{{ outcomeMeasures {{ ...F20 }} }}\nfragment F0 on OutcomeMeasure {{ code }}\n{fragments}");

        response.Status.ShouldBe(HttpStatusCode.BadRequest);
        response.ErrorCode.ShouldBe("TOO_MANY_FIELDS");
    }

    [Fact]
    public async Task mutations_count_as_expensive_fields()
    {
        var mutation = $"registerClinic(input: {{ name: \"Clinic\" }}) {{ version }}";
        var response = await GraphQL("mutation " + Aliases(Cap + 1, mutation));

        response.Status.ShouldBe(HttpStatusCode.BadRequest);
        response.ErrorCode.ShouldBe("COMPLEXITY");
        (await EventCount()).ShouldBe(0);
    }

    [Fact]
    public async Task a_negative_page_size_does_not_make_the_rest_of_a_document_cheaper()
    {
        // A page of -1,000,000 would count its items negatively and pay for the nested pages beside it.
        var response = await GraphQL($$"""
            { cheap: accessLog(first: -1000000) { edges { node { id at actorId actorRole actorName operation clinicId } } }
              dear: caseload(clinicId: "{{Guid.NewGuid()}}", first: 100) { edges { node { episode {
                sessions(first: 100) { edges { node { id date minutes painBefore painAfter note } } } } } } } }
            """);

        response.Status.ShouldBe(HttpStatusCode.BadRequest);
        response.ErrorCode.ShouldBe("COMPLEXITY");
        response.ErrorMessage.ShouldContain("too complex");
    }

    [Fact]
    public async Task a_page_without_first_is_counted_at_the_default_page_size()
    {
        // Twenty sessions for each of a hundred caseload rows, each with a page of twenty-five fields of entries: over the limit.
        var fields = string.Join(" ", Enumerable.Repeat("id date minutes painBefore painAfter note", 5));
        var response = await GraphQL($$"""
            { caseload(clinicId: "{{Guid.NewGuid()}}", first: 100) { edges { node { episode {
                sessions { edges { node { {{fields}} } } } } } } } }
            """);

        response.ErrorCode.ShouldBe("COMPLEXITY");
    }

    [Fact]
    public void every_root_field_and_every_list_field_declares_its_price()
    {
        var unpriced = SchemaRoots.Schema.AllTypes
            .OfType<IObjectGraphType>()
            .Where(type => !type.Name.StartsWith("__"))
            .SelectMany(type => type.Fields.Select(field => (type, field)))
            .Where(x => x.type == SchemaRoots.Schema.Query || x.type == SchemaRoots.Schema.Mutation || IsList(x.field.ResolvedType))
            // The items of a connection are priced by its page size (FieldCost.Default); the connection field itself declares.
            .Where(x => !IsConnection(x.type))
            .Where(x => FieldCost.PriceOf(x.field) is null)
            .Select(x => $"{x.type.Name}.{x.field.Name}")
            .ToList();

        unpriced.ShouldBeEmpty("declare .Costs(FieldCost...) next to these fields");
    }

    [Fact]
    public void fields_that_reach_the_database_on_their_own_are_priced_as_expensive()
    {
        string[] expensive =
        [
            "Query.outcomeHistoryFhir", "Query.outcomeHistory", "Query.outcomeHistories", "Query.programHistory", "Query.programAsOf",
            "Query.episodeEvents", "Query.auditTrail", "Query.accessLog", "Query.disclosures", "Query.caseload", "Query.myEpisodes",
            "Query.episode", "Query.patient", "Query.clinic", "Query.clinics",
        ];
        var fields = SchemaRoots.Schema.AllTypes.OfType<IObjectGraphType>()
            .SelectMany(type => type.Fields.Select(field => (Name: $"{type.Name}.{field.Name}", field)))
            .ToDictionary(x => x.Name, x => x.field);

        foreach (var name in expensive) FieldCost.PriceOf(fields[name]).ShouldNotBeNull(name).ShouldBeGreaterThanOrEqualTo(FieldCost.Expensive, name);
        FieldCost.PriceOf(fields["Query.outcomeHistoryFhir"]).ShouldBe(FieldCost.Bundle);
        // Nested lists load for every parent of their level in one batch (DocumentBatchLoader), so each use costs a share of it.
        foreach (var name in new[] { "Episode.timeline", "Patient.episodes", "Clinic.therapists" })
            FieldCost.PriceOf(fields[name]).ShouldBe(FieldCost.Batched, name);
        SchemaRoots.Schema.Mutation!.Fields.ShouldAllBe(f => FieldCost.PriceOf(f) == FieldCost.Command);
    }

    private static bool IsList(IGraphType? type) => (type is NonNullGraphType nonNull ? nonNull.ResolvedType : type) is ListGraphType;

    private static bool IsConnection(IGraphType type) =>
        type.GetType() is { IsGenericType: true } t && t.GetGenericTypeDefinition() is var d
        && (d == typeof(ConnectionType<>) || d == typeof(ConnectionType<,>));
}
