using GraphQL;
using GraphQL.Transport;
using GraphQL.Validation;
using RehabLedger.Access;
using RehabLedger.GraphQL;
using RehabLedger.GraphQL.Http;

namespace RehabLedger.Live;

/// <summary>The surfaces that serve subscriptions, as the access log's service log names them.</summary>
public static class LiveSurfaces
{
    public const string Sse = "graphql-sse";
    public const string WebSocket = "graphql-ws";
}

/// <summary>
/// Starts one operation sent over a streaming transport, through everything <c>/graphql</c> applies: the bounded
/// document builder, validation with the authorization, cost and safe-text rules, and the access layer. The operation
/// of the start is completed here (it accounts a refusal of the record the subscription names); each delivered event
/// is an operation of its own (<see cref="LiveOperation"/>).
/// </summary>
public static class LiveExecution
{
    public static async Task<ExecutionResult> StartAsync(HttpContext context, GraphQLRequest request, string surface, CancellationToken ct)
    {
        var access = context.RequestServices.GetRequiredService<AccessAccounting>().Begin(Operation.Of(context, surface));
        var executer = context.RequestServices.GetRequiredService<IDocumentExecuter<RehabLedgerSchema>>();
        var result = await executer.ExecuteAsync(new ExecutionOptions
        {
            Query = request.Query,
            OperationName = request.OperationName,
            Variables = request.Variables,
            Extensions = request.Extensions,
            RequestServices = context.RequestServices,
            User = context.User,
            CancellationToken = ct,
            UserContext = new GraphQLUserContext(context, access),
            ValidationRules = DocumentValidator.CoreRules,
        });
        try
        {
            await access.CompleteAsync();
            return result;
        }
        catch (Exception e)
        {
            var error = ErrorMapping.Report(e, context.RequestServices, "A subscription started but could not be accounted for; it was not started");
            foreach (var stream in result.Streams?.Values ?? []) stream.Subscribe(new Ignore()).Dispose();
            return new ExecutionResult { Errors = [error] };
        }
    }

    /// <summary>Each result carries the global sequence of the event behind it, in <c>extensions.sequence</c>.</summary>
    public static long? SequenceOf(ExecutionResult result) =>
        result.Extensions?.TryGetValue(LiveOperation.SequenceKey, out var value) == true && value is long sequence ? sequence : null;

    private sealed class Ignore : IObserver<ExecutionResult>
    {
        public void OnCompleted() { }
        public void OnError(Exception error) { }
        public void OnNext(ExecutionResult value) { }
    }
}
