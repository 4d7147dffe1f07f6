using System.Net;
using System.Text.Json.Nodes;
using Alba;
using Microsoft.Extensions.Logging;
using RehabLedger.Common;
using RehabLedger.Infrastructure.Postgres;
using RehabLedger.Tests.Support;

namespace RehabLedger.Tests.Infrastructure.Operations;

[Collection(OwnHostCollection.Name)]
public sealed class when_the_database_is_down(OwnHost own)
{
    private static readonly TimeSpan RecoveryTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task reads_and_writes_answer_503_with_retry_after_and_one_warning_then_recover()
    {
        var host = own.Host;
        var clinicId = await host.RegisterClinic();
        own.Logs.Clear();

        own.StopPostgres();
        try
        {
            var answers = new List<(HttpStatusCode Status, string? RetryAfter, JsonNode Body)>();
            for (var i = 0; i < 3; i++)
            {
                answers.Add(await Post(host, "mutation($input: RegisterClinicInput!) { registerClinic(input: $input) { clinic { id } } }",
                    new { input = new { name = $"Outage clinic {i}" } }));
                answers.Add(await Post(host, "query($id: ID!) { clinic(id: $id) { id name } }", new { id = clinicId }));
            }
            var fhir = await host.Scenario(s =>
            {
                s.Get.Url($"/fhir/episodes/{Guid.NewGuid()}/outcome-history");
                s.WithRequestHeader("Authorization", "Bearer " + host.Token(TestTokens.PlatformAdmin));
                s.IgnoreStatusCode();
            });

            foreach (var (status, retryAfter, body) in answers)
            {
                status.ShouldBe(HttpStatusCode.ServiceUnavailable, body.ToJsonString());
                retryAfter.ShouldBe(DatabaseOutage.RetryAfterSeconds);
                var error = body["errors"]!.AsArray().ShouldHaveSingleItem()!;
                error["extensions"]!["code"]!.GetValue<string>().ShouldBe(ErrorCodes.ServiceUnavailable);
                error["message"]!.GetValue<string>().ShouldContain("Retry later");
            }
            fhir.Context.Response.StatusCode.ShouldBe((int)HttpStatusCode.ServiceUnavailable);
            fhir.Context.Response.Headers.RetryAfter.ToString().ShouldBe(DatabaseOutage.RetryAfterSeconds);
            (await fhir.ReadAsTextAsync()).ShouldContain("\"transient\"");

            // One warning for the whole outage, and nothing of the service's own at error level, however many requests failed.
            ServiceLines(LogLevel.Warning).ShouldHaveSingleItem().Text.ShouldContain("PostgreSQL is not reachable");
            ServiceLines(LogLevel.Error).ShouldBeEmpty();
            ServiceLines(LogLevel.Critical).ShouldBeEmpty();
        }
        finally
        {
            own.StartPostgres();
        }

        await own.Logs.WaitFor(l => l.Category == typeof(DatabaseOutage).FullName && l.Text.Contains("answers again"), RecoveryTimeout);
        var (after, answer) = await RegisterUntilAnswered(host);
        after.ShouldBe(HttpStatusCode.OK, answer.ToJsonString());
        ServiceLines(LogLevel.Error).ShouldBeEmpty();
    }

    [Fact]
    public void driver_failures_wrapped_by_marten_or_wolverine_are_recognized_and_others_are_not()
    {
        var refused = new Npgsql.NpgsqlException("Failed to connect to 127.0.0.1:1", new System.Net.Sockets.SocketException(111));
        DatabaseOutage.IsUnavailable(refused).ShouldBeTrue();
        DatabaseOutage.IsUnavailable(new InvalidOperationException("wrapped", new AggregateException(refused))).ShouldBeTrue();
        DatabaseOutage.IsUnavailable(new Npgsql.NpgsqlException("Exception while reading from stream", new EndOfStreamException())).ShouldBeTrue();
        DatabaseOutage.IsUnavailable(new Npgsql.NpgsqlException("The operation has timed out", new TimeoutException())).ShouldBeTrue();
        foreach (var state in new[] { "08006", "08001", "57P01", "57P02", "57P03", "53300" })
            DatabaseOutage.IsUnavailable(Server(state)).ShouldBeTrue(state);

        foreach (var state in new[] { "23505", "40001", "42P01", "22P05" })
            DatabaseOutage.IsUnavailable(Server(state)).ShouldBeFalse(state);
        DatabaseOutage.IsUnavailable(new InvalidOperationException("a bug")).ShouldBeFalse();
        DatabaseOutage.IsUnavailable(new ClinicalRuleViolation(ErrorCodes.Conflict, "stale")).ShouldBeFalse();
    }

    private static Npgsql.PostgresException Server(string sqlState) => new("message", "FATAL", "FATAL", sqlState);

    private IEnumerable<LoggedLine> ServiceLines(LogLevel level) =>
        own.Logs.Lines.Where(l => l.Level == level && l.Category.StartsWith("RehabLedger", StringComparison.Ordinal));

    // Pooled connections that the restart broke fail once each; each such answer is a 503 too, never a 500.
    private static async Task<(HttpStatusCode Status, JsonNode Body)> RegisterUntilAnswered(IAlbaHost host)
    {
        for (var attempt = 1; ; attempt++)
        {
            var (status, _, body) = await Post(host, "mutation($input: RegisterClinicInput!) { registerClinic(input: $input) { clinic { id } } }",
                new { input = new { name = "After the outage" } });
            if (status != HttpStatusCode.ServiceUnavailable || attempt == 20) return (status, body);
        }
    }

    private static async Task<(HttpStatusCode, string?, JsonNode)> Post(IAlbaHost host, string query, object variables)
    {
        var result = await host.Scenario(s =>
        {
            s.Post.Json(new { query, variables }).ToUrl("/graphql");
            s.WithRequestHeader("Accept", "application/graphql-response+json");
            s.WithRequestHeader("Authorization", "Bearer " + host.Token(TestTokens.PlatformAdmin));
            s.IgnoreStatusCode();
        });
        var retryAfter = result.Context.Response.Headers.RetryAfter.ToString();
        return ((HttpStatusCode)result.Context.Response.StatusCode, retryAfter.Length == 0 ? null : retryAfter,
            JsonNode.Parse(await result.ReadAsTextAsync())!);
    }
}
