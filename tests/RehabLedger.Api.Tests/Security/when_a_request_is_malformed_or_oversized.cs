using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Alba;
using RehabLedger.Tests.Support;

namespace RehabLedger.Tests.Security;

/// <summary>
/// Requests that are broken or built to be expensive get a coded 400 (never a 500) and cost little, whatever part of
/// them is wrong: the JSON text, the GET parameters, the document's size, its nesting, the number of errors it earns;
/// and a request that takes too long is cut off by one timeout from its first byte to its answer. On hosts of their
/// own, without a database: nothing here reaches one.
/// </summary>
// In the app's collection, like every test that starts a BareHost: the first host the process builds fixes the
// application assembly the Critter Stack scans for handlers, and it must be the app's, not this test assembly.
[Collection(AppCollection.Name)]
public sealed class when_a_request_is_malformed_or_oversized
{
    private const string Lookup = "query($v: String) { __type(name: $v) { name } }";

    public static TheoryData<string, string> BrokenBodies() => new()
    {
        { """{"query":"{ __typename } #\uD800"}""", "INVALID_JSON" },
        { """{"query":"{ __type(name: \"\uDC00\") { name } }"}""", "INVALID_JSON" },
        { $$$"""{"query":"{{{Lookup}}}","variables":{"v":"\uD800x"}}""", "INVALID_JSON" },
        { $$$"""{"query":"{{{Lookup}}}","variables":{"\uD800":"x"}}""", "INVALID_JSON" },
        { $$$"""{"query":"{{{Lookup}}}","operationName":"\uDBFF"}""", "INVALID_JSON" },
        { $$$"""{"query":"{{{Lookup}}}","extensions":{"a":["\uD800"]}}""", "INVALID_JSON" },
        { $$$"""{"query":"{{{Lookup}}}","\uD800":1}""", "INVALID_JSON" },
        { $$$"""{"query":"{{{Lookup}}}","variables":{"v":"a","v":"b"}}""", "BAD_REQUEST" },
        { """{"query":"{ __typename }","query":"{ x }"}""", "BAD_REQUEST" },
        { $$$"""{"query":"{{{Lookup}}}","variables":{"v":{{{new string('[', 100)}}}{{{new string(']', 100)}}}}}""", "INVALID_JSON" },
    };

    [Theory]
    [MemberData(nameof(BrokenBodies))]
    public async Task json_text_that_cannot_be_decoded_is_refused_with_a_code(string body, string code)
    {
        await using var host = await BareHost.Start("Production");
        var (status, answer) = await Post(host, Encoding.UTF8.GetBytes(body));

        status.ShouldBe(HttpStatusCode.BadRequest, answer.ToJsonString());
        Code(answer).ShouldBe(code);
    }

    [Theory]
    [InlineData(new byte[] { 0xFF, 0xFE })]
    [InlineData(new byte[] { 0xC3 })]
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 })]
    [InlineData(new byte[] { 0xC0, 0xAF })]
    public async Task bytes_that_are_not_utf8_inside_a_string_are_refused_with_a_code(byte[] bytes)
    {
        await using var host = await BareHost.Start("Production");
        byte[] body = [.. """{"query":"{ __typename }","variables":{"v":" """u8.ToArray(), .. bytes, .. "\"}}"u8.ToArray()];

        var (status, answer) = await Post(host, body);

        status.ShouldBe(HttpStatusCode.BadRequest);
        Code(answer).ShouldBe("INVALID_JSON");
    }

    [Theory]
    [InlineData("variables=%7B%22v%22%3A%22%5CuD800%22%7D")]
    [InlineData("variables=%7B%22%5CuDC00%22%3A1%7D")]
    [InlineData("extensions=%7B%22a%22%3A%22%5CuD800%22%7D")]
    [InlineData("variables=%7B%22v%22%3A1%2C%22v%22%3A2%7D")]
    public async Task get_parameters_that_cannot_be_decoded_are_refused_with_a_code(string parameter)
    {
        await using var host = await BareHost.Start("Production");
        var result = await host.Scenario(s =>
        {
            s.Get.Url("/graphql?query=%7B__typename%7D&" + parameter);
            s.IgnoreStatusCode();
        });

        result.Context.Response.StatusCode.ShouldBe(400);
        Code(JsonNode.Parse(await result.ReadAsTextAsync())!).ShouldBeOneOf("INVALID_JSON", "BAD_REQUEST");
    }

    [Fact]
    public async Task a_document_nested_deeper_than_the_parser_allows_is_a_400_not_a_500()
    {
        await using var host = await BareHost.Start("Production");
        var (status, answer) = await Post(host, "{ __typename(a: " + new string('[', 300) + new string(']', 300) + ") }");

        status.ShouldBe(HttpStatusCode.BadRequest);
        Code(answer).ShouldBe("DOCUMENT_TOO_DEEP");
    }

    [Theory]
    [InlineData("{ outcomeMeasures { code } }", 66_000, "DOCUMENT_TOO_LARGE")]
    [InlineData("{ outcomeMeasures { code } }", 0, null)]
    public async Task the_document_length_is_bounded_over_post_and_get(string document, int padding, string? code)
    {
        await using var host = await BareHost.Start("Production");
        var padded = document + new string(' ', padding);
        var (status, answer) = await Post(host, padded);
        var viaGet = await host.Scenario(s =>
        {
            s.Get.Url("/graphql?query=" + Uri.EscapeDataString(padded));
            s.IgnoreStatusCode();
        });

        if (code is null)
        {
            status.ShouldBe(HttpStatusCode.OK);
            viaGet.Context.Response.StatusCode.ShouldBe(200);
            return;
        }

        status.ShouldBe(HttpStatusCode.BadRequest);
        Code(answer).ShouldBe(code);
        viaGet.Context.Response.StatusCode.ShouldBe(400);
    }

    [Fact]
    public async Task the_document_limits_come_from_configuration()
    {
        await using var host = await BareHost.Start("Production", new Dictionary<string, string?>
        {
            ["GraphQL:MaxTokens"] = "20",
            ["GraphQL:MaxFields"] = "3",
        });

        (await Post(host, "{ outcomeMeasures { code name } }")).Status.ShouldBe(HttpStatusCode.OK);
        Code((await Post(host, "{ outcomeMeasures { code name kind } }")).Body).ShouldBe("TOO_MANY_FIELDS");
        Code((await Post(host, "{ outcomeMeasures { code " + string.Concat(Enumerable.Repeat("... on OutcomeMeasure { code } ", 4)) + "} }")).Body)
            .ShouldBe("TOO_MANY_TOKENS");
    }

    [Fact]
    public async Task an_answer_carries_at_most_a_hundred_errors_the_last_counting_the_rest()
    {
        await using var host = await BareHost.Start("Production");
        var (status, answer) = await Post(host, "{ " + string.Concat(Enumerable.Range(0, 250).Select(i => $"unknown{i} ")) + "}");

        status.ShouldBe(HttpStatusCode.BadRequest, "the status is that of the errors, not of the notice");
        var errors = answer["errors"]!.AsArray();
        errors.Count.ShouldBe(100);
        errors.Take(99).ShouldAllBe(e => e!["extensions"]!["code"]!.GetValue<string>() == "FIELDS_ON_CORRECT_TYPE");
        errors[99]!["extensions"]!["code"]!.GetValue<string>().ShouldBe("TOO_MANY_ERRORS");
        errors[99]!["message"]!.GetValue<string>().ShouldStartWith("151 more errors were left out");
    }

    [Fact]
    public async Task a_body_that_arrives_too_slowly_is_cut_off_by_the_request_timeout()
    {
        await using var host = await BareHost.Start("Production", new Dictionary<string, string?> { ["GraphQL:TimeoutSeconds"] = "1" });

        // A body that never ends; before the timeout covered reading, the request waited for it for ever.
        var answered = host.Scenario(s =>
        {
            s.Post.Url("/graphql");
            s.ConfigureHttpContext(c =>
            {
                c.Request.ContentType = "application/json";
                c.Request.Body = new NeverEndingBody();
            });
            s.IgnoreStatusCode();
        });
        var result = await answered.WaitAsync(TimeSpan.FromSeconds(30));

        result.Context.Response.StatusCode.ShouldBe(504);
        Code(JsonNode.Parse(await result.ReadAsTextAsync())!).ShouldBe("TIMEOUT");
    }

    private static Task<(HttpStatusCode Status, JsonNode Body)> Post(IAlbaHost host, string document) =>
        Post(host, Encoding.UTF8.GetBytes(System.Text.Json.JsonSerializer.Serialize(new { query = document })));

    private static async Task<(HttpStatusCode Status, JsonNode Body)> Post(IAlbaHost host, byte[] body)
    {
        var result = await host.Scenario(s =>
        {
            s.Post.Url("/graphql");
            s.ConfigureHttpContext(c =>
            {
                c.Request.ContentType = "application/json";
                c.Request.Headers.Accept = "application/graphql-response+json";
                c.Request.Body = new MemoryStream(body);
                c.Request.ContentLength = body.Length;
            });
            s.IgnoreStatusCode();
        });
        return ((HttpStatusCode)result.Context.Response.StatusCode, JsonNode.Parse(await result.ReadAsTextAsync())!);
    }

    private static string Code(JsonNode body) => body["errors"]!.AsArray()[0]!["extensions"]!["code"]!.GetValue<string>();

    /// <summary>A request body whose next bytes never come: each read waits until it is cancelled.</summary>
    private sealed class NeverEndingBody : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => 0;

        // The test host rewinds the body it was given before the request starts.
        public override long Position { get => 0; set { } }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            // Waits on the cancellation itself: nothing else ever completes this read.
            var cancelled = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
            await using var registration = cancellationToken.Register(() => cancelled.TrySetCanceled(cancellationToken));
            return await cancelled.Task;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
