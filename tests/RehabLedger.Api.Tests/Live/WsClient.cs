using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using Alba;

namespace RehabLedger.Tests.Live;

/// <summary>A real graphql-transport-ws client over the test server's WebSocket; every read waits for the message itself.</summary>
public sealed class WsClient : IAsyncDisposable
{
    private readonly WebSocket _socket;

    private WsClient(WebSocket socket) => _socket = socket;

    public static async Task<WsClient> Connect(IAlbaHost host)
    {
        var client = host.Server.CreateWebSocketClient();
        client.SubProtocols.Add("graphql-transport-ws");
        using var wait = new CancellationTokenSource(SseClient.Patience);
        var socket = await client.ConnectAsync(new Uri(host.Server.BaseAddress, "graphql/stream"), wait.Token);
        socket.SubProtocol.ShouldBe("graphql-transport-ws");
        return new WsClient(socket);
    }

    /// <summary>Connects and initialises with the token, expecting the acknowledgement.</summary>
    public static async Task<WsClient> Ready(IAlbaHost host, string token)
    {
        var client = await Connect(host);
        await client.Send(new JsonObject { ["type"] = "connection_init", ["payload"] = new JsonObject { ["authorization"] = "Bearer " + token } });
        var ack = await client.Receive();
        ack.ShouldNotBeNull($"closed: {client._socket.CloseStatus} {client._socket.CloseStatusDescription}");
        ack["type"]!.GetValue<string>().ShouldBe("connection_ack");
        return client;
    }

    public Task Send(JsonObject message) => SendText(message.ToJsonString());

    public async Task SendText(string text) =>
        await _socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, CancellationToken.None);

    public Task Subscribe(string id, string query, object? variables = null) =>
        Send(new JsonObject
        {
            ["type"] = "subscribe", ["id"] = id,
            ["payload"] = new JsonObject { ["query"] = query, ["variables"] = System.Text.Json.JsonSerializer.SerializeToNode(variables) },
        });

    /// <summary>The next message, or null when the server closed the connection (see <see cref="CloseStatus"/>).</summary>
    public async Task<JsonObject?> Receive()
    {
        using var wait = new CancellationTokenSource(SseClient.Patience);
        var buffer = new byte[1 << 16];
        using var text = new MemoryStream();
        while (true)
        {
            var received = await _socket.ReceiveAsync(buffer, wait.Token);
            if (received.MessageType == WebSocketMessageType.Close) return null;
            text.Write(buffer, 0, received.Count);
            if (received.EndOfMessage) return (JsonObject)JsonNode.Parse(text.ToArray())!;
        }
    }

    /// <summary>Reads until the server closes, answering the close code.</summary>
    public async Task<int> Closed()
    {
        while (await Receive() is not null) { }
        return (int)_socket.CloseStatus!.Value;
    }

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
            await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", CancellationToken.None);
        _socket.Dispose();
    }
}
