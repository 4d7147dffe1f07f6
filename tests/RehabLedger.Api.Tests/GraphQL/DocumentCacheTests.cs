using System.Net;
using System.Text.Json.Nodes;
using GraphQL;
using GraphQL.Validation;
using GraphQLParser.AST;
using RehabLedger.GraphQL;
using RehabLedger.GraphQL.Http;
using RehabLedger.Tests.Support;

namespace RehabLedger.Tests.GraphQL;

/// <summary>The document cache on its own: what it keeps, and what a hit still checks.</summary>
public sealed class DocumentCacheTests
{
    private const string Query = "{ outcomeMeasures { code } }";
    private static readonly IValidationRule[] CachedRules = [];

    [Fact]
    public async Task a_repeated_document_is_neither_parsed_nor_validated_again()
    {
        var cache = new DocumentCache();
        var document = new GraphQLDocument(new List<ASTNode>());
        await cache.ExecuteAsync(Options(Query), _ => Task.FromResult(new ExecutionResult { Executed = true, Document = document }));

        ExecutionOptions? seen = null;
        await cache.ExecuteAsync(Options(Query), o =>
        {
            seen = o;
            return Task.FromResult(new ExecutionResult { Executed = true });
        });

        seen.ShouldNotBeNull();
        seen.Document.ShouldBeSameAs(document);
        seen.ValidationRules.ShouldBeSameAs(CachedRules);
    }

    [Fact]
    public async Task a_document_that_failed_validation_is_not_kept()
    {
        var cache = new DocumentCache();
        await cache.ExecuteAsync(Options(Query), _ => Task.FromResult(new ExecutionResult { Executed = false }));

        cache.Count.ShouldBe(0);
    }

    [Fact]
    public async Task a_very_long_document_is_not_kept()
    {
        var cache = new DocumentCache();
        var longQuery = "{ outcomeMeasures { code } }" + new string(' ', DocumentCache.MaxQueryLength);
        await cache.ExecuteAsync(Options(longQuery), _ => Task.FromResult(new ExecutionResult { Executed = true, Document = new GraphQLDocument(new List<ASTNode>()) }));

        cache.Count.ShouldBe(0);
    }

    private static ExecutionOptions Options(string query) => new() { Query = query, CachedDocumentValidationRules = CachedRules };
}

/// <summary>Through the real endpoint: a cached document answers the same, and the HTTP rules still apply to it.</summary>
[Collection(AppCollection.Name)]
public sealed class when_a_document_is_sent_again(AppFixture fixture)
{
    [Fact]
    public async Task the_same_query_answers_the_same()
    {
        const string query = "{ outcomeMeasures { code minimum maximum } }";
        var first = (await fixture.Host.GraphQL(query)).Ok().ToJsonString();
        var second = (await fixture.Host.GraphQL(query)).Ok().ToJsonString();

        second.ShouldBe(first);
    }

    [Fact]
    public async Task a_mutation_accepted_over_post_is_still_refused_over_get()
    {
        const string mutation = "mutation SentTwice { __typename }";
        (await fixture.Host.GraphQL(mutation)).Ok();

        using var client = fixture.Host.Server.CreateClient();
        using var response = await client.GetAsync("/graphql?query=" + Uri.EscapeDataString(mutation));

        response.StatusCode.ShouldBe(HttpStatusCode.MethodNotAllowed);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        body["errors"]![0]!["extensions"]!["code"]!.GetValue<string>().ShouldBe(GraphQLHttpErrorCodes.MethodNotAllowed);
    }

    [Fact]
    public async Task an_invalid_document_is_refused_every_time()
    {
        const string invalid = "{ outcomeMeasures { noSuchFieldHere } }";
        (await fixture.Host.GraphQL(invalid)).Status.ShouldBe(HttpStatusCode.BadRequest);
        (await fixture.Host.GraphQL(invalid)).Status.ShouldBe(HttpStatusCode.BadRequest);
    }
}
