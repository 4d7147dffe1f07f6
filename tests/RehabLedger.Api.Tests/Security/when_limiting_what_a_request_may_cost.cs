using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Alba;
using GraphQL;
using GraphQL.Types;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RehabLedger.Access;
using RehabLedger.Disclosures;
using RehabLedger.GraphQL;
using RehabLedger.GraphQL.Http;
using RehabLedger.Tests.Support;

namespace RehabLedger.Tests.Security;

/// <summary>
/// Each abuse limit refuses before anything runs (depth, complexity, page size, body size, introspection) or stops
/// what runs too long (timeout), with a code a client can act on. Limits other than the shared host's are shown on
/// hosts of their own.
/// </summary>
public sealed class when_limiting_what_a_request_may_cost(AppFixture fixture) : AppScenario(fixture)
{
    private static async Task<(HttpStatusCode Status, JsonNode Body)> Post(IAlbaHost host, string query, string path = "/graphql")
    {
        var result = await host.Scenario(s =>
        {
            s.Post.Json(new { query }).ToUrl(path);
            s.WithRequestHeader("Accept", "application/graphql-response+json");
            s.IgnoreStatusCode();
        });
        return ((HttpStatusCode)result.Context.Response.StatusCode, JsonNode.Parse(await result.ReadAsTextAsync())!);
    }

    private static string Code(JsonNode body) => body["errors"]!.AsArray().Single()!["extensions"]!["code"]!.GetValue<string>();

    [Fact]
    public async Task a_query_nested_deeper_than_the_limit_is_refused_before_it_runs()
    {
        // patient -> episodes -> patient -> ... eleven levels; the limit is ten.
        var query = "id";
        for (var i = 0; i < 5; i++) query = $"episodes {{ patient {{ {query} }} }}";
        var response = await GraphQL($"{{ patient(id: \"{Guid.NewGuid()}\") {{ {query} }} }}");

        response.Status.ShouldBe(HttpStatusCode.BadRequest);
        response.ErrorCode.ShouldBe("COMPLEXITY");
        response.ErrorMessage.ShouldContain("depth");
    }

    [Fact]
    public async Task a_query_costing_more_than_the_limit_is_refused_before_it_runs()
    {
        var response = await GraphQL($$"""
            { caseload(clinicId: "{{Guid.NewGuid()}}", first: 100) { edges { node { episode {
                sessions(first: 100) { edges { node { id date minutes painBefore painAfter note } } } } } } } }
            """);

        response.Status.ShouldBe(HttpStatusCode.BadRequest);
        response.ErrorCode.ShouldBe("COMPLEXITY");
        response.ErrorMessage.ShouldContain("maximum allowed on this endpoint is 50000");
    }

    [Fact]
    public async Task a_kept_document_is_costed_again_with_the_variables_of_each_request()
    {
        var document = $$"""
            query($a: Int, $b: Int) { caseload(clinicId: "{{Guid.NewGuid()}}", first: $a) { edges { node { episode {
                sessions(first: $b) { edges { node { id date minutes painBefore painAfter note } } } } } } } }
            """;
        (await GraphQL(document, new { a = 1, b = 1 })).Ok();
        (await GraphQL(document, new { a = 1, b = 1 })).Ok();

        var response = await GraphQL(document, new { a = 100, b = 100 });
        response.ErrorCode.ShouldBe("COMPLEXITY");
    }

    [Fact]
    public async Task a_full_page_of_outcome_histories_is_within_the_limit()
    {
        var response = await GraphQL($$"""
            { outcomeHistories(payerId: "aetna", from: "2026-01-01", to: "2026-03-18", first: 100) {
                edges { node { {{InsurersApi.OutcomeHistorySelection}} } } } }
            """);
        response.Ok()["outcomeHistories"]!["edges"]!.AsArray().ShouldBeEmpty();
    }

    [Fact]
    public async Task a_page_larger_than_the_cap_is_refused_not_cut()
    {
        var response = await GraphQL("{ accessLog(first: 101) { totalCount } }");
        response.ErrorCode.ShouldBe("VALIDATION_FAILED");
        response.ErrorField.ShouldBe("first");
    }

    [Fact]
    public async Task introspection_answers_in_testing_and_development()
    {
        (await GraphQL("{ __schema { queryType { name } } }")).Ok()["__schema"]!["queryType"]!["name"]!.GetValue<string>().ShouldBe("Query");
    }

    [Fact]
    public async Task introspection_is_off_in_production_unless_switched_on()
    {
        await using var production = await BareHost.Start("Production");
        var refused = await Post(production, "{ __schema { queryType { name } } }");
        refused.Status.ShouldBe(HttpStatusCode.BadRequest);
        Code(refused.Body).ShouldBe("NO_INTROSPECTION");
        (await Post(production, "{ outcomeMeasures { code } }")).Status.ShouldBe(HttpStatusCode.OK);

        await using var switchedOn = await BareHost.Start("Production", new Dictionary<string, string?> { ["GraphQL:Introspection"] = "true" });
        (await Post(switchedOn, "{ __schema { queryType { name } } }")).Status.ShouldBe(HttpStatusCode.OK);

        await using var switchedOff = await BareHost.Start("Development", new Dictionary<string, string?> { ["GraphQL:Introspection"] = "false" });
        Code((await Post(switchedOff, "{ __type(name: \"Episode\") { name } }")).Body).ShouldBe("NO_INTROSPECTION");
    }

    [Fact]
    public async Task the_body_size_limit_comes_from_configuration()
    {
        await using var host = await BareHost.Start("Production", new Dictionary<string, string?> { ["GraphQL:MaxRequestBodyBytes"] = "2000" });
        (await Post(host, "{ outcomeMeasures { code } }")).Status.ShouldBe(HttpStatusCode.OK);

        var (status, body) = await Post(host, "{ outcomeMeasures { code } }" + new string(' ', 2000));
        status.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        Code(body).ShouldBe("PAYLOAD_TOO_LARGE");
    }

    [Fact]
    public async Task execution_is_cancelled_after_the_timeout_with_a_timeout_code()
    {
        await using var host = await BareHost.Start("Production", new Dictionary<string, string?> { ["GraphQL:TimeoutSeconds"] = "1" },
            services => services.AddGraphQL(b => b.AddSchema<NeverEndingSchema>()),
            app => app.MapGraphQLHttp<NeverEndingSchema>("/never"));

        var (status, body) = await Post(host, "{ wait }", "/never");

        status.ShouldBe(HttpStatusCode.GatewayTimeout);
        Code(body).ShouldBe("TIMEOUT");
        body["errors"]![0]!["message"]!.GetValue<string>().ShouldContain("retry with its current version");
        body["data"].ShouldBeNull();
    }

    [Fact]
    public async Task an_answer_whose_accounting_fails_is_withheld()
    {
        await using var host = await BareHost.Start("Production", services: services => services.AddSingleton<IAccessRecordWriter, FailingWriter>());
        // A patient asking for the access log is refused during validation, and the refusal is to be recorded.
        var result = await host.Scenario(s =>
        {
            s.Post.Json(new { query = "{ accessLog { totalCount } }" }).ToUrl("/graphql");
            s.WithRequestHeader("Accept", "application/graphql-response+json");
            s.WithRequestHeader("Authorization", "Bearer " + host.Token(TestTokens.Patient(Guid.NewGuid())));
            s.IgnoreStatusCode();
        });
        var (status, body) = ((HttpStatusCode)result.Context.Response.StatusCode, JsonNode.Parse(await result.ReadAsTextAsync())!);

        status.ShouldBe(HttpStatusCode.InternalServerError);
        Code(body).ShouldBe("INTERNAL_ERROR");
        body["data"].ShouldBeNull();
    }

    [Fact]
    public void limits_that_make_no_sense_stop_the_service()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["GraphQL:MaxDepth"] = "0" }).Build();
        Should.Throw<RehabLedger.Infrastructure.InvalidConfigurationException>(() =>
            GraphQLLimits.Load(configuration, new TestEnvironment("Production")));
    }

    /// <summary>A schema whose one field waits until execution is cancelled.</summary>
    private sealed class NeverEndingSchema : Schema
    {
        public NeverEndingSchema(IServiceProvider services) : base(services)
        {
            var query = new ObjectGraphType { Name = "Query" };
            query.Field<StringGraphType>("wait").AllowAnonymous().ResolveAsync(async c =>
            {
                // Completes only when the execution timeout cancels it: the wait is on the cancellation itself.
                var cancelled = new TaskCompletionSource<object?>();
                await using var _ = c.CancellationToken.Register(() => cancelled.TrySetCanceled(c.CancellationToken));
                return await cancelled.Task;
            });
            Query = query;
        }
    }

    private sealed class FailingWriter : IAccessRecordWriter
    {
        public Task AppendAsync(RehabLedger.Access.Operation operation, IReadOnlyList<DisclosureRecorded> records) => throw new IOException("The access log is unreachable.");
    }
}
