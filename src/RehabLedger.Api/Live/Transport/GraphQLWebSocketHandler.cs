using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using GraphQL;
using GraphQL.Transport;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Net.Http.Headers;
using RehabLedger.Security;

namespace RehabLedger.Live.Transport;

/// <summary>
/// GraphQL over WebSocket, the graphql-transport-ws protocol: <c>connection_init</c> (its payload's
/// <c>authorization</c> holds the bearer token, checked by the same JWT handler as every request) answered with
/// <c>connection_ack</c>; then any number of <c>subscribe</c> by id, each answered with <c>next</c>s and a
/// <c>complete</c>, or one <c>error</c> when it cannot start; <c>ping</c>/<c>pong</c>; and the protocol's close codes
/// for what breaks it. Each operation starts through <see cref="LiveExecution"/>, like the SSE transport's.
/// </summary>
internal sealed class GraphQLWebSocketHandler(GraphQLHttpOptionsView options)
{
    public const string SubProtocol = "graphql-transport-ws";
    private const int MaxMessageBytes = 1 << 20;

    public async Task HandleAsync(HttpContext context)
    {
        if (!context.WebSockets.WebSocketRequestedProtocols.Contains(SubProtocol))
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await context.Response.WriteAsync($"Ask for the {SubProtocol} subprotocol.");
            return;
        }
        using var socket = await context.WebSockets.AcceptWebSocketAsync(SubProtocol);
        await using var connection = new Connection(context, socket, options);
        await connection.RunAsync();
    }

    private sealed class Connection(HttpContext context, WebSocket socket, GraphQLHttpOptionsView options) : IAsyncDisposable
    {
        private readonly SemaphoreSlim _sending = new(1, 1);
        // Touched by the receive loop and by each operation's pump.
        private readonly ConcurrentDictionary<string, CancellationTokenSource> _operations = new();
        private readonly CancellationTokenSource _closing = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        private readonly IGraphQLTextSerializer _serializer = context.RequestServices.GetRequiredService<IGraphQLTextSerializer>();
        private bool _initialised;
        private bool _acknowledged;

        public async Task RunAsync()
        {
            // The client has this long to introduce itself (4408 otherwise).
            using var init = new CancellationTokenSource(options.ConnectionInitTimeout);
            using var timeout = init.Token.Register(() =>
            {
                if (!_initialised) _ = CloseAsync(4408, "Connection initialisation timeout");
            });
            try
            {
                while (socket.State == WebSocketState.Open && !_closing.IsCancellationRequested)
                {
                    var text = await ReceiveAsync();
                    if (text is null) return;
                    await HandleAsync(text);
                }
            }
            catch (Exception e) when (e is OperationCanceledException or WebSocketException)
            {
                // The client or the server went away.
            }
            catch (Exception e)
            {
                context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger<GraphQLWebSocketHandler>()
                    .LogError(e, "A GraphQL WebSocket connection failed");
                await CloseAsync(4500, "Internal server error");
            }
        }

        private async Task HandleAsync(string text)
        {
            JsonObject message;
            try
            {
                message = JsonNode.Parse(text) as JsonObject ?? throw new JsonException();
            }
            catch (JsonException)
            {
                await CloseAsync(4400, "Invalid message");
                return;
            }
            var type = (message["type"] as JsonValue)?.TryGetValue<string>(out var t) == true ? t : null;
            switch (type)
            {
                case "connection_init":
                    if (_initialised)
                    {
                        await CloseAsync(4429, "Too many initialisation requests");
                        return;
                    }
                    _initialised = true;
                    if (!await AuthenticateAsync(message["payload"] as JsonObject))
                    {
                        await CloseAsync(4403, "Forbidden");
                        return;
                    }
                    _acknowledged = true;
                    await SendAsync(new JsonObject { ["type"] = "connection_ack" });
                    return;
                case "ping":
                    await SendAsync(new JsonObject { ["type"] = "pong" });
                    return;
                case "pong":
                    return;
                case "subscribe":
                    await SubscribeAsync(message);
                    return;
                case "complete":
                    if (Id(message) is { } done && _operations.TryRemove(done, out var stop)) await StopAsync(stop);
                    return;
                default:
                    await CloseAsync(4400, $"Unknown message type '{type}'");
                    return;
            }
        }

        private async Task SubscribeAsync(JsonObject message)
        {
            if (!_acknowledged)
            {
                await CloseAsync(4401, "Unauthorized");
                return;
            }
            var id = Id(message);
            GraphQLRequest? request = null;
            try
            {
                if (message["payload"] is JsonObject payload) request = _serializer.Deserialize<GraphQLRequest>(payload.ToJsonString());
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                request = null;
            }
            if (id is null || request?.Query is null)
            {
                await CloseAsync(4400, "Invalid subscribe message");
                return;
            }
            var stop = CancellationTokenSource.CreateLinkedTokenSource(_closing.Token);
            if (!_operations.TryAdd(id, stop))
            {
                stop.Dispose();
                await CloseAsync(4409, $"Subscriber for {id} already exists");
                return;
            }
            ExecutionResult started;
            using (var deadline = CancellationTokenSource.CreateLinkedTokenSource(stop.Token))
            {
                deadline.CancelAfter(options.RequestTimeout);
                started = await LiveExecution.StartAsync(context, request, LiveSurfaces.WebSocket, deadline.Token);
            }
            if (!started.Executed)
            {
                _operations.TryRemove(id, out _);
                stop.Dispose();
                var errors = JsonNode.Parse(_serializer.Serialize(started))!["errors"]!.DeepClone();
                await SendAsync(new JsonObject { ["type"] = "error", ["id"] = id, ["payload"] = errors });
                return;
            }
            _ = PumpAsync(id, started, stop);
        }

        private async Task PumpAsync(string id, ExecutionResult started, CancellationTokenSource stop)
        {
            try
            {
                if (started.Streams is not { Count: > 0 } streams)
                {
                    await NextAsync(id, started);
                }
                else
                {
                    using var pump = new ResultPump(streams.Values.Single(), context.RequestServices);
                    await foreach (var result in pump.Results(stop.Token)) await NextAsync(id, result);
                }
                // A client's own complete is not answered: the operation is over for both sides already.
                if (_operations.TryRemove(id, out _)) await SendAsync(new JsonObject { ["type"] = "complete", ["id"] = id });
            }
            catch (Exception e) when (e is OperationCanceledException or WebSocketException)
            {
                // Completed by the client, or the connection closed.
            }
            finally
            {
                stop.Dispose();
            }
        }

        private Task NextAsync(string id, ExecutionResult result) =>
            SendAsync(new JsonObject { ["type"] = "next", ["id"] = id, ["payload"] = JsonNode.Parse(_serializer.Serialize(result)) });

        /// <summary>The bearer token of <c>connection_init</c>, checked by the service's JWT handler; none is an anonymous connection.</summary>
        private async Task<bool> AuthenticateAsync(JsonObject? payload)
        {
            var header = payload?["authorization"] is JsonValue value && value.TryGetValue<string>(out var a) ? a
                : payload?["Authorization"] is JsonValue upper && upper.TryGetValue<string>(out var b) ? b : null;
            if (header is null) return true;
            // A scope of its own: authentication handlers are kept per scope, and the upgrade request's already answered for it.
            await using var scope = context.RequestServices.CreateAsyncScope();
            var probe = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
            probe.Request.Headers[HeaderNames.Authorization] = header;
            var result = await probe.AuthenticateAsync(JwtBearerDefaults.AuthenticationScheme);
            if (!result.Succeeded || Caller.From(result.Principal, out _) is null) return false;
            context.User = result.Principal!;
            return true;
        }

        private static async Task StopAsync(CancellationTokenSource operation)
        {
            try
            {
                await operation.CancelAsync();
            }
            catch (ObjectDisposedException)
            {
                // The operation ended by itself meanwhile.
            }
        }

        private static string? Id(JsonObject message) =>
            message["id"] is JsonValue value && value.TryGetValue<string>(out var id) && id.Length > 0 ? id : null;

        private async Task<string?> ReceiveAsync()
        {
            var buffer = new byte[8192];
            using var text = new MemoryStream();
            while (true)
            {
                var received = await socket.ReceiveAsync(buffer, _closing.Token);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    // The closing handshake: the client's close is answered with one.
                    if (socket.State == WebSocketState.CloseReceived)
                        await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
                    return null;
                }
                text.Write(buffer, 0, received.Count);
                if (text.Length > MaxMessageBytes)
                {
                    await CloseAsync(4400, "Message too large");
                    return null;
                }
                if (received.EndOfMessage) return Encoding.UTF8.GetString(text.ToArray());
            }
        }

        private async Task SendAsync(JsonObject message)
        {
            var bytes = Encoding.UTF8.GetBytes(message.ToJsonString());
            await _sending.WaitAsync(_closing.Token);
            try
            {
                await socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, _closing.Token);
            }
            finally
            {
                _sending.Release();
            }
        }

        private async Task CloseAsync(int code, string reason)
        {
            try
            {
                if (socket.State == WebSocketState.Open)
                    await socket.CloseOutputAsync((WebSocketCloseStatus)code, reason, CancellationToken.None);
            }
            catch (WebSocketException)
            {
                // Already gone.
            }
            await _closing.CancelAsync();
        }

        public async ValueTask DisposeAsync()
        {
            await _closing.CancelAsync();
            foreach (var stop in _operations.Values) await StopAsync(stop);
            _closing.Dispose();
            _sending.Dispose();
        }
    }
}

/// <summary>The limits a WebSocket connection takes from the GraphQL endpoint's options, and its own.</summary>
internal sealed record GraphQLHttpOptionsView(TimeSpan RequestTimeout, TimeSpan ConnectionInitTimeout);
