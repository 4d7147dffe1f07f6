using System.Net;
using System.Text.Json.Nodes;
using RehabLedger.GraphQL;
using RehabLedger.Tests.Security;
using RehabLedger.Tests.Support;

namespace RehabLedger.Tests.GraphQL;

/// <summary>
/// GraphiQL and graphql-js load the schema with their own introspection queries, committed as they send them
/// (GraphQL/Introspection): those answer in full within the introspection budget, while nesting beyond them, or mixing
/// them with data, is held to the limits.
/// </summary>
public sealed class when_a_tool_introspects_the_schema(AppFixture fixture) : AppScenario(fixture)
{
    private static string Document(string file) =>
        File.ReadAllText(Path.Combine(RepositoryRoot.Path, "tests", "RehabLedger.Api.Tests", "GraphQL", "Introspection", file));

    [Theory]
    [InlineData("graphiql-3.8.3.graphql")]
    [InlineData("graphql-js-16.9.0-all-options.graphql")]
    public async Task the_standard_introspection_query_answers_the_whole_schema(string file)
    {
        var schema = (await Host.GraphQLOperation(Document(file), "IntrospectionQuery")).Ok()["__schema"]!;

        schema["queryType"]!["name"]!.GetValue<string>().ShouldBe("Query");
        schema["mutationType"]!["name"]!.GetValue<string>().ShouldBe("Mutation");
        var types = schema["types"]!.AsArray().ToDictionary(t => t!["name"]!.GetValue<string>());
        FieldNames(types["Query"]!).ShouldBe(SchemaRoots.Schema.Query.Fields.Select(f => f.Name), ignoreOrder: true);
        FieldNames(types["Mutation"]!).ShouldBe(SchemaRoots.Schema.Mutation!.Fields.Select(f => f.Name), ignoreOrder: true);
        // Deep type references come back whole: a list of non-null episodes is LIST > NON_NULL > OBJECT.
        var episodes = types["Patient"]!["fields"]!.AsArray().Single(f => f!["name"]!.GetValue<string>() == "episodes")!["type"]!;
        episodes["ofType"]!["ofType"]!["ofType"]!["name"]!.GetValue<string>().ShouldBe("Episode");
        schema["directives"]!.AsArray().Select(d => d!["name"]!.GetValue<string>()).ShouldContain("deprecated");
    }

    [Fact]
    public async Task every_option_graphql_js_asks_for_is_answered()
    {
        var schema = (await Host.GraphQLOperation(Document("graphql-js-16.9.0-all-options.graphql"), "IntrospectionQuery")).Ok()["__schema"]!;

        schema.AsObject().ContainsKey("description").ShouldBeTrue();
        schema["directives"]!.AsArray().ShouldAllBe(d => d!["isRepeatable"]!.GetValue<bool>() == false);
        var input = schema["types"]!.AsArray().Single(t => t!["name"]!.GetValue<string>() == "RecordSessionInput")!;
        input["isOneOf"]!.GetValue<bool>().ShouldBeFalse();
        input["inputFields"]!.AsArray().ShouldAllBe(f => f!["isDeprecated"]!.GetValue<bool>() == false);
    }

    [Fact]
    public async Task introspection_nested_deeper_than_the_standard_queries_is_refused()
    {
        // Each field's type's fields: the answer multiplies with every level.
        var nested = "name";
        for (var i = 0; i < 4; i++) nested = $"fields {{ name type {{ ofType {{ {nested} }} }} }}";
        var response = await GraphQL($"{{ __schema {{ types {{ {nested} }} }} }}");

        response.Status.ShouldBe(HttpStatusCode.BadRequest);
        response.ErrorCode.ShouldBe("COMPLEXITY");
        response.ErrorMessage.ShouldContain("introspection");
    }

    [Theory]
    [InlineData("fields { type { {0} } }", "ofType { {0} }", 18)]
    [InlineData("{0}", "fields { type { {0} } }", 10)]
    public async Task introspection_nested_past_its_depth_is_refused(string outer, string level, int levels)
    {
        var nested = "name";
        for (var i = 0; i < levels; i++) nested = level.Replace("{0}", nested);
        var response = await GraphQL($"{{ __type(name: \"Query\") {{ {outer.Replace("{0}", nested)} }} }}");

        response.Status.ShouldBe(HttpStatusCode.BadRequest);
        response.ErrorCode.ShouldBe("COMPLEXITY");
        response.ErrorMessage.ShouldContain("too nested");
    }

    [Fact]
    public async Task a_second_copy_of_the_standard_query_in_one_document_is_refused_by_the_budget()
    {
        var response = await Host.GraphQLOperation(WithCopies(1), "IntrospectionQuery");

        response.Status.ShouldBe(HttpStatusCode.BadRequest);
        response.ErrorCode.ShouldBe("COMPLEXITY");
    }

    [Fact]
    public async Task ten_copies_of_the_standard_query_are_refused_before_validation()
    {
        var response = await Host.GraphQLOperation(WithCopies(10), "IntrospectionQuery");

        response.Status.ShouldBe(HttpStatusCode.BadRequest);
        response.ErrorCode.ShouldBe("TOO_MANY_FIELDS");
    }

    private static string WithCopies(int count)
    {
        var copies = string.Join(" ", Enumerable.Range(0, count).Select(i => $"s{i}: __schema {{ types {{ ...FullType }} }}"));
        return Document("graphiql-3.8.3.graphql").Replace("query IntrospectionQuery {", $"query IntrospectionQuery {{ {copies} ");
    }

    [Fact]
    public async Task introspection_mixed_with_data_gets_the_limits_of_data()
    {
        var document = Document("graphiql-3.8.3.graphql").Replace("query IntrospectionQuery {", "query IntrospectionQuery { outcomeMeasures { code } ");

        var response = await Host.GraphQLOperation(document, "IntrospectionQuery");

        response.Status.ShouldBe(HttpStatusCode.BadRequest);
        response.ErrorCode.ShouldBe("COMPLEXITY");
        response.ErrorMessage.ShouldContain($"maximum allowed on this endpoint is {new GraphQLLimits().MaxDepth}.");
    }

    private static IEnumerable<string> FieldNames(JsonNode type) =>
        type["fields"]!.AsArray().Select(f => f!["name"]!.GetValue<string>());
}
