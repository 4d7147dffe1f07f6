using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Alba;

namespace RehabLedger.Tests.Live;

/// <summary>One SSE message: its event name, its id (the global sequence for a subscription's next) and its data.</summary>
public sealed record SseMessage(string Event, string? Id, JsonNode? Data)
{
    public long Sequence => long.Parse(Id!);

    public string? ErrorCode => Data?["errors"]?[0]?["extensions"]?["code"]?.GetValue<string>();
}

/// <summary>
/// A real graphql-sse client in distinct connections mode: one POST through the host's whole pipeline, the response
/// read as it streams. Every read waits for the message itself, up to a timeout, never for a fixed time.
/// </summary>
public sealed class SseClient : IAsyncDisposable
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    private readonly HttpClient _client;
    private readonly StreamReader? _reader;

    private SseClient(HttpClient client, HttpResponseMessage response, StreamReader? reader)
    {
        _client = client;
        Response = response;
        _reader = reader;
    }

    public HttpResponseMessage Response { get; }

    public HttpStatusCode Status => Response.StatusCode;

    public static async Task<SseClient> Open(IAlbaHost host, string query, object? variables = null, string? token = null,
        long? lastEventId = null, string accept = "text/event-stream")
    {
        var client = host.Server.CreateClient();
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql/stream")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { query, variables }, new JsonSerializerOptions(JsonSerializerDefaults.Web)),
                Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.ParseAdd(accept);
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (lastEventId is not null) request.Headers.Add("Last-Event-ID", lastEventId.ToString());
        using var wait = new CancellationTokenSource(Patience);
        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, wait.Token);
        var streaming = response.Content.Headers.ContentType?.MediaType == "text/event-stream";
        var reader = streaming ? new StreamReader(await response.Content.ReadAsStreamAsync(wait.Token)) : null;
        return new SseClient(client, response, reader);
    }

    /// <summary>The body of an answer that did not stream.</summary>
    public async Task<JsonNode> Body() => JsonNode.Parse(await Response.Content.ReadAsStringAsync())!;

    /// <summary>The next message (keep-alive comments skipped); fails when none comes within <see cref="Patience"/>.</summary>
    public async Task<SseMessage> Next()
    {
        using var wait = new CancellationTokenSource(Patience);
        string? name = null, id = null;
        var data = new StringBuilder();
        while (true)
        {
            var line = await _reader!.ReadLineAsync(wait.Token) ?? throw new EndOfStreamException("The event stream ended.");
            if (line.Length == 0)
            {
                if (name is null && data.Length == 0) continue;
                return new SseMessage(name ?? "message", id, data.Length == 0 ? null : JsonNode.Parse(data.ToString()));
            }
            if (line.StartsWith(':')) continue;
            var colon = line.IndexOf(':');
            var field = colon < 0 ? line : line[..colon];
            var value = colon < 0 ? "" : line[(colon + 1)..].TrimStart(' ');
            switch (field)
            {
                case "event": name = value; break;
                case "id": id = value; break;
                case "data": data.Append(value); break;
            }
        }
    }

    /// <summary>The next message, which must be a <c>next</c>.</summary>
    public async Task<SseMessage> NextResult()
    {
        var message = await Next();
        message.Event.ShouldBe("next", message.Data?.ToJsonString());
        return message;
    }

    public async ValueTask DisposeAsync()
    {
        _reader?.Dispose();
        Response.Dispose();
        _client.Dispose();
        await Task.CompletedTask;
    }
}
