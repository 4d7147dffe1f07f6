using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Alba;
using RehabLedger.Tests.Security;
using RehabLedger.Tests.Support;
using Xunit.Abstractions;

namespace RehabLedger.Tests.GraphQL.Http;

/// <summary>
/// Requests built at random from the running schema (see <see cref="RequestFuzzer"/>), from a fixed seed, as a
/// platform administrator (so mutations reach their resolvers), as a therapist and anonymously. Whatever they hold, the
/// service answers each one with a GraphQL-shaped body and a status below 500, within a bound, and a request it refuses
/// writes no clinical event. <c>FUZZ_CASES</c> sets how many (1,000 by default), <c>FUZZ_SEED</c> the seed.
/// </summary>
public sealed class when_fuzzing_the_endpoint(AppFixture fixture, ITestOutputHelper output) : AppScenario(fixture)
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task no_request_is_answered_5xx_hangs_or_writes_when_refused()
    {
        var cases = int.Parse(Environment.GetEnvironmentVariable("FUZZ_CASES") ?? "1000");
        var seed = int.Parse(Environment.GetEnvironmentVariable("FUZZ_SEED") ?? "20261208");
        var world = await SecurityWorld.Seed(Host, Today);
        var ids = new[] { world.A.ClinicId, world.A.TherapistId, world.A.PatientId, world.A.EpisodeId, world.A.ExerciseId, world.A.GoalId, world.B.EpisodeId, world.B.PatientId };
        var fuzzer = new RequestFuzzer(SchemaRoots.Schema, seed, ids);
        var callers = new[] { Who.PlatformAdmin, Who.PlatformAdmin, Who.Therapist, Who.Anonymous };
        var statuses = new SortedDictionary<int, int>();
        var codes = new SortedDictionary<string, int>();
        var events = await Host.ClinicalEventCount();

        for (var i = 0; i < cases; i++)
        {
            var request = fuzzer.Next();
            var caller = callers[i % callers.Length];
            var context = $"case {i} (seed {seed}) as {caller}: {request.Description}";

            var clock = Stopwatch.StartNew();
            var (status, body) = await Send(request, world.Headers(Host, caller));
            clock.Elapsed.ShouldBeLessThan(Bound, context);

            status.ShouldBeLessThan(500, $"{context}\nanswered {status}: {body}");
            var answer = ShouldBeGraphQL(body, context);
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            var firstCode = answer["errors"]?[0]?["extensions"]?["code"]?.GetValue<string>() ?? "none";
            codes[firstCode] = codes.GetValueOrDefault(firstCode) + 1;

            var before = events;
            events = await Host.ClinicalEventCount();
            if (status >= 400 || answer["data"] is null || answer["errors"] is not null && AllRootFieldsNull(answer))
                events.ShouldBe(before, $"{context}\nwas refused ({status}: {body}) yet wrote");
        }

        output.WriteLine($"{cases} cases, seed {seed}: " + string.Join(", ", statuses.Select(s => $"{s.Value} x {s.Key}"))
            + "; first error codes: " + string.Join(", ", codes.Select(c => $"{c.Value} x {c.Key}")));
    }

    private static JsonNode ShouldBeGraphQL(string body, string context)
    {
        JsonNode? answer = null;
        Should.NotThrow(() => answer = JsonNode.Parse(body), $"{context}\nanswered something that is not JSON: {body}");
        answer.ShouldNotBeNull(context);
        foreach (var error in answer["errors"]?.AsArray() ?? [])
            error!["extensions"]?["code"]?.GetValue<string>().ShouldNotBeNullOrEmpty($"{context}\nan error without a code: {body}");
        return answer;
    }

    // A refused mutation answers its payload as null; a request whose every root field is null wrote nothing.
    private static bool AllRootFieldsNull(JsonNode answer) =>
        answer["data"] is not JsonObject data || data.All(field => field.Value is null);

    private async Task<(int Status, string Body)> Send(FuzzedRequest request, IReadOnlyDictionary<string, string> headers)
    {
        var result = await Host.Scenario(s =>
        {
            if (request.Method == "GET") s.Get.Url(request.Url);
            else s.Post.Url(request.Url);
            s.ConfigureHttpContext(c =>
            {
                if (request.Body is not null)
                {
                    c.Request.Body = new MemoryStream(request.Body);
                    c.Request.ContentLength = request.Body.Length;
                }

                if (request.ContentType is not null) c.Request.ContentType = request.ContentType;
                if (request.Accept is not null) c.Request.Headers.Accept = request.Accept;
            });
            foreach (var (name, value) in headers.Where(h => h.Value.Length > 0)) s.WithRequestHeader(name, value);
            s.IgnoreStatusCode();
        });
        return (result.Context.Response.StatusCode, await result.ReadAsTextAsync());
    }
}
