using System.Text;
using GraphQL.Execution;
using RehabLedger.GraphQL;
using RehabLedger.GraphQL.Documents;

namespace RehabLedger.Tests.GraphQL.Documents;

/// <summary>The bounds on a document before it is validated, without a host: what passes and what each refusal says.</summary>
public sealed class BoundedDocumentBuilderTests
{
    private readonly BoundedDocumentBuilder _builder = new(new GraphQLLimits());

    private string Refusal(string document) => Should.Throw<DocumentLimitError>(() => _builder.Build(document)).Code!;

    [Fact]
    public void the_introspection_query_of_graphql_js_with_every_option_passes()
    {
        _builder.Build(IntrospectionQuery).Definitions.Count.ShouldBe(4);
    }

    [Fact]
    public void a_large_client_document_passes()
    {
        // Forty aliased episodes with most of their fields, through a fragment: about 900 fields.
        var fields = "id status version startedOn clinic { id name } patient { id familyName givenName } therapist { id name } " +
                     "currentProgram { exercises { id name status dosage { sets repetitions } } }";
        var document = "{ " + string.Concat(Enumerable.Range(0, 40).Select(i => $"e{i}: episode(id: \"{Guid.Empty}\") {{ ...E }} ")) + "} " +
                       $"fragment E on Episode {{ {fields} }}";
        _builder.Build(document);
    }

    [Fact]
    public void a_document_longer_than_the_limit_is_refused_before_it_is_read() =>
        Refusal("{ __typename }" + new string(' ', 64 * 1024)).ShouldBe("DOCUMENT_TOO_LARGE");

    [Fact]
    public void a_document_of_too_many_tokens_is_refused() =>
        Refusal("{ __type(name: [" + Repeat("1 ", 10_000) + "]) { name } }").ShouldBe("TOO_MANY_TOKENS");

    [Fact]
    public void a_document_nested_deeper_than_the_parser_allows_is_refused_with_a_code_not_an_exception() =>
        Refusal("{ __type(name: " + Repeat("[", 200) + Repeat("]", 200) + ") { name } }").ShouldBe("DOCUMENT_TOO_DEEP");

    [Fact]
    public void a_field_repeated_past_the_limit_is_refused() =>
        Refusal("{ outcomeMeasures { " + Repeat("code ", 1_501) + "} }").ShouldBe("TOO_MANY_FIELDS");

    [Fact]
    public void fragments_spread_at_every_level_count_every_field_they_expand_to()
    {
        // 2^12 fields from a few hundred bytes: counted as what they expand to, though each fragment is measured once.
        var bomb = new StringBuilder("{ ...F0 } ");
        for (var i = 0; i < 12; i++) bomb.Append($"fragment F{i} on Query {{ ...F{i + 1} ...F{i + 1} }} ");
        bomb.Append("fragment F12 on Query { __typename }");

        Refusal(bomb.ToString()).ShouldBe("TOO_MANY_FIELDS");
    }

    [Fact]
    public void a_fragment_spread_many_times_counts_its_fields_each_time()
    {
        var fragment = " fragment M on OutcomeMeasure { " + string.Concat(Enumerable.Range(0, 10).Select(i => $"c{i}: code ")) + "}";
        string Spreads(int times) => "{ " + string.Concat(Enumerable.Range(0, times).Select(i => $"m{i}: outcomeMeasures {{ ...M }} ")) + "}";

        _builder.Build(Spreads(130) + fragment);
        Refusal(Spreads(140) + fragment).ShouldBe("TOO_MANY_FIELDS");
    }

    [Fact]
    public void one_name_given_to_more_fields_than_the_limit_is_refused_even_through_fragments()
    {
        _builder.Build("{ " + string.Concat(Enumerable.Range(0, 50).Select(i => $"a: __type(name: \"T{i}\") {{ name }} ")) + "}");
        Refusal("{ " + string.Concat(Enumerable.Range(0, 51).Select(i => $"a: __type(name: \"T{i}\") {{ name }} ")) + "}").ShouldBe("TOO_MANY_FIELDS");
        Refusal("{ " + string.Concat(Enumerable.Range(0, 51).Select(i => $"...F{i} ")) + "} " +
                string.Concat(Enumerable.Range(0, 51).Select(i => $"fragment F{i} on Query {{ a: __type(name: \"T{i}\") {{ name }} }} ")))
            .ShouldBe("TOO_MANY_FIELDS");
    }

    [Fact]
    public void fragments_that_spread_each_other_in_a_cycle_are_refused_before_validation() =>
        Refusal("{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }").ShouldBe("NO_FRAGMENT_CYCLES");

    [Fact]
    public void directives_past_the_limit_are_refused() =>
        Refusal("{ outcomeMeasures " + Repeat("@unknown ", 201) + "{ code } }").ShouldBe("TOO_MANY_DIRECTIVES");

    [Fact]
    public void variables_past_the_limit_are_refused() =>
        Refusal("query(" + Repeat("$a: Int ", 101) + ") { __typename }").ShouldBe("TOO_MANY_VARIABLES");

    [Fact]
    public void a_syntax_error_keeps_graphql_dotnets_error() =>
        Should.Throw<SyntaxError>(() => _builder.Build("{ outcomeMeasures {"));

    private static string Repeat(string text, int times) => new StringBuilder(text.Length * times).Insert(0, text, times).ToString();

    // graphql-js getIntrospectionQuery({ descriptions, specifiedByUrl, directiveIsRepeatable, schemaDescription,
    // inputValueDeprecation, oneOf }), as GraphiQL's bundle builds it.
    public const string IntrospectionQuery = """
        query IntrospectionQuery {
          __schema {
            description
            queryType { name }
            mutationType { name }
            subscriptionType { name }
            types { ...FullType }
            directives {
              name
              description
              isRepeatable
              locations
              args(includeDeprecated: true) { ...InputValue }
            }
          }
        }

        fragment FullType on __Type {
          kind
          name
          description
          specifiedByURL
          isOneOf
          fields(includeDeprecated: true) {
            name
            description
            args(includeDeprecated: true) { ...InputValue }
            type { ...TypeRef }
            isDeprecated
            deprecationReason
          }
          inputFields(includeDeprecated: true) { ...InputValue }
          interfaces { ...TypeRef }
          enumValues(includeDeprecated: true) { name description isDeprecated deprecationReason }
          possibleTypes { ...TypeRef }
        }

        fragment InputValue on __InputValue {
          name
          description
          type { ...TypeRef }
          defaultValue
          isDeprecated
          deprecationReason
        }

        fragment TypeRef on __Type {
          kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType {
            kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } } } }
        }
        """;
}
