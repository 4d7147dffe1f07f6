using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Alba;
using RehabLedger.Tests.Support;
using Xunit.Abstractions;

namespace RehabLedger.Tests.Security;

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class CostCollection
{
    // Alone, so that the process's CPU time is this test's: no other test runs while it measures. Such a collection
    // runs after the parallel ones, so its host is never the first of the process (see AppCollection's BareHost users).
    public const string Name = "cost";
}

/// <summary>
/// Every document of <see cref="ExpensiveDocuments"/>, sent anonymously as an attacker would, is answered (or refused)
/// within a second of the service's CPU. CPU time rather than wall time, so a busy machine does not fail it; the least
/// of three tries, so a collection or a timer of the runtime in the same second does not either.
/// </summary>
[Collection(CostCollection.Name)]
public sealed class when_a_document_is_built_to_be_expensive(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(1);
    private IAlbaHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await BareHost.Start("Testing");
        await Send(new("warm-up", "{ outcomeMeasures { code } }"));
    }

    public Task DisposeAsync() => _host.DisposeAsync().AsTask();

    public static TheoryData<string> Cases() => [.. ExpensiveDocuments.All().Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task it_costs_less_than_a_second_of_cpu(string name)
    {
        var document = ExpensiveDocuments.All().Single(c => c.Name == name);
        var cheapest = TimeSpan.MaxValue;
        (HttpStatusCode Status, string Answer) last = (0, "");
        for (var attempt = 0; attempt < 3 && cheapest >= Budget; attempt++)
        {
            var before = Process.GetCurrentProcess().TotalProcessorTime;
            last = await Send(document);
            var spent = Process.GetCurrentProcess().TotalProcessorTime - before;
            if (spent < cheapest) cheapest = spent;
        }

        output.WriteLine($"{cheapest.TotalMilliseconds:F0} ms of CPU");
        var summary = $"'{name}' answered {(int)last.Status} ({last.Answer.Length} bytes: {last.Answer[..Math.Min(200, last.Answer.Length)]})";
        cheapest.ShouldBeLessThan(Budget, $"{summary} after {cheapest.TotalMilliseconds:F0} ms of CPU at best of three");
        ((int)last.Status).ShouldBeLessThan(500, summary);
        if (JsonNode.Parse(last.Answer)!["data"] is null)
            last.Answer.Length.ShouldBeLessThan(ExpensiveDocuments.MaxBytes, $"{summary}: a refusal larger than the largest document");
    }

    private async Task<(HttpStatusCode, string)> Send(ExpensiveDocuments.Case document)
    {
        var body = new StringBuilder("{\"query\":").Append(JsonSerializer.Serialize(document.Query));
        if (document.OperationName is not null) body.Append(",\"operationName\":").Append(JsonSerializer.Serialize(document.OperationName));
        if (document.VariablesJson is not null) body.Append(",\"variables\":").Append(document.VariablesJson);
        var bytes = Encoding.UTF8.GetBytes(body.Append('}').ToString());

        var result = await _host.Scenario(s =>
        {
            s.Post.Url("/graphql");
            s.ConfigureHttpContext(c =>
            {
                c.Request.ContentType = "application/json";
                c.Request.Headers.Accept = "application/graphql-response+json";
                c.Request.Body = new MemoryStream(bytes);
                c.Request.ContentLength = bytes.Length;
            });
            s.IgnoreStatusCode();
        });
        var answer = await result.ReadAsTextAsync();
        return ((HttpStatusCode)result.Context.Response.StatusCode, answer);
    }
}
