using System.Text;
using GraphQL;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using RehabLedger.GraphQL.Http;

namespace RehabLedger.Live.Transport;

/// <summary>
/// GraphQL over Server-Sent Events, the graphql-sse protocol's distinct connections mode: one POST per operation,
/// answered <c>text/event-stream</c> with a <c>next</c> event per result and a <c>complete</c> event at the end. Each
/// <c>next</c> of a subscription has the event's global sequence as its SSE id, so a client (or a browser's
/// EventSource) that reconnects with <c>Last-Event-ID</c> resumes right after it. Requests that cannot start (a body
/// that is not a GraphQL request, a document that does not validate, a refused caller) are answered before the stream
/// with the status and JSON errors <c>/graphql</c> would give.
/// </summary>
internal sealed class GraphQLSseHandler(GraphQLHttpOptions options)
{
    public const string EventStream = "text/event-stream";
    private static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(15);

    public async Task HandleAsync(HttpContext context)
    {
        var serializer = context.RequestServices.GetRequiredService<IGraphQLTextSerializer>();
        if (!HttpMethods.IsPost(context.Request.Method))
        {
            context.Response.Headers.Allow = "POST";
            await Refuse(context, serializer, StatusCodes.Status405MethodNotAllowed, GraphQLHttpErrorCodes.MethodNotAllowed,
                "A GraphQL over SSE request is a POST.");
            return;
        }
        if (!context.Request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals(EventStream, StringComparison.OrdinalIgnoreCase)))
        {
            await Refuse(context, serializer, StatusCodes.Status406NotAcceptable, GraphQLHttpErrorCodes.NotAcceptable,
                $"The Accept header must allow {EventStream}.");
            return;
        }
        if (context.Request.Headers.ContainsKey(HeaderNames.Authorization) && context.User.Identity?.IsAuthenticated != true)
        {
            await Refuse(context, serializer, StatusCodes.Status401Unauthorized, GraphQLHttpErrorCodes.Unauthenticated,
                "The Authorization header does not hold a valid bearer token (expired, wrongly signed, for another issuer or audience, or without a known role).");
            return;
        }

        ExecutionResult started;
        using (var deadline = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted))
        {
            // The request timeout covers reading, parsing, validating and starting; a stream then lasts as long as the client stays.
            deadline.CancelAfter(options.RequestTimeout);
            var read = await GraphQLRequestReader.ReadPostAsync(context, serializer, options.MaxRequestBodySize, deadline.Token);
            if (read.Error is not null)
            {
                await Write(context, serializer, read.Error.StatusCode, new ExecutionResult { Errors = [read.Error] });
                return;
            }
            started = await LiveExecution.StartAsync(context, read.Request!, LiveSurfaces.Sse, deadline.Token);
        }

        if (!started.Executed)
        {
            await Write(context, serializer, StartStatus.Of(started), started);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = EventStream;
        context.Response.Headers.CacheControl = "no-cache";
        context.Response.Headers["X-Accel-Buffering"] = "no";
        await context.Response.Body.FlushAsync(context.RequestAborted);
        try
        {
            if (started.Streams is not { Count: > 0 } streams)
            {
                await Next(context, serializer, started);
            }
            else
            {
                using var pump = new ResultPump(streams.Values.Single(), context.RequestServices);
                await foreach (var result in WithKeepAlive(context, pump.Results(context.RequestAborted)))
                    await Next(context, serializer, result);
            }
            await Send(context, "event: complete\ndata:\n\n");
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client left: the subscription is disposed of with the pump.
        }
    }

    /// <summary>
    /// The results, with an SSE comment line written whenever none came for a while, so proxies keep the connection and
    /// a client notices one that died.
    /// </summary>
    private static async IAsyncEnumerable<ExecutionResult> WithKeepAlive(HttpContext context, IAsyncEnumerable<ExecutionResult> results)
    {
        await using var e = results.GetAsyncEnumerator();
        var next = e.MoveNextAsync().AsTask();
        while (true)
        {
            var done = await Task.WhenAny(next, Task.Delay(KeepAlive, context.RequestAborted));
            if (done != next)
            {
                context.RequestAborted.ThrowIfCancellationRequested();
                await Send(context, ":\n\n");
                continue;
            }
            if (!await next) yield break;
            yield return e.Current;
            next = e.MoveNextAsync().AsTask();
        }
    }

    private static Task Next(HttpContext context, IGraphQLTextSerializer serializer, ExecutionResult result)
    {
        var id = LiveExecution.SequenceOf(result) is { } sequence ? $"id: {sequence}\n" : "";
        return Send(context, $"event: next\n{id}data: {serializer.Serialize(result)}\n\n");
    }

    private static async Task Send(HttpContext context, string text)
    {
        await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(text), context.RequestAborted);
        await context.Response.Body.FlushAsync(context.RequestAborted);
    }

    private static Task Refuse(HttpContext context, IGraphQLTextSerializer serializer, int status, string code, string message) =>
        Write(context, serializer, status, new ExecutionResult { Errors = [new GraphQLHttpError(status, code, message)] });

    private static Task Write(HttpContext context, IGraphQLTextSerializer serializer, int status, ExecutionResult result)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        return serializer.WriteAsync(context.Response.Body, result, context.RequestAborted);
    }
}
