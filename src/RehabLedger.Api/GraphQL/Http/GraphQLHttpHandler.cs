using System.Globalization;
using GraphQL;
using GraphQL.Execution;
using GraphQL.Transport;
using GraphQL.Types;
using GraphQL.Validation;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Net.Http.Headers;
using RehabLedger.Access;
using RehabLedger.Common;
using RehabLedger.Infrastructure.Postgres;

namespace RehabLedger.GraphQL.Http;

internal sealed class GraphQLHttpHandler<TSchema>
    where TSchema : ISchema
{
    // Rules configured through AddGraphQL (complexity analyzer, custom rules) are appended to these by
    // GraphQL.NET's execution configuration, so setting them here does not replace anything.
    private static readonly IValidationRule[] GetRules = [.. DocumentValidator.CoreRules, HttpOperationTypeRule.ForGet];
    private static readonly IValidationRule[] PostRules = [.. DocumentValidator.CoreRules, HttpOperationTypeRule.ForPost];
    private static readonly IValidationRule[] GetCachedDocumentRules = [HttpOperationTypeRule.ForGet];
    private static readonly IValidationRule[] PostCachedDocumentRules = [HttpOperationTypeRule.ForPost];

    private readonly long _maxRequestBodySize;
    private readonly TimeSpan _requestTimeout;
    private readonly int _maxErrors;

    public GraphQLHttpHandler(GraphQLHttpOptions options)
    {
        // The body is buffered whole before parsing, so the limit must also fit in one array.
        if (options.MaxRequestBodySize <= 0 || options.MaxRequestBodySize > Array.MaxLength)
        {
            throw new InvalidOperationException(
                $"{nameof(GraphQLHttpOptions)}.{nameof(GraphQLHttpOptions.MaxRequestBodySize)} must be between 1 and {Array.MaxLength} bytes.");
        }

        if (options.RequestTimeout <= TimeSpan.Zero && options.RequestTimeout != Timeout.InfiniteTimeSpan)
            throw new InvalidOperationException($"{nameof(GraphQLHttpOptions)}.{nameof(GraphQLHttpOptions.RequestTimeout)} must be positive.");
        if (options.MaxErrors < 1)
            throw new InvalidOperationException($"{nameof(GraphQLHttpOptions)}.{nameof(GraphQLHttpOptions.MaxErrors)} must be at least 1.");

        _maxRequestBodySize = options.MaxRequestBodySize;
        _requestTimeout = options.RequestTimeout;
        _maxErrors = options.MaxErrors;
    }

    public async Task HandleAsync(HttpContext context)
    {
        var serializer = context.RequestServices.GetRequiredService<IGraphQLTextSerializer>();
        var isGet = HttpMethods.IsGet(context.Request.Method);
        var mediaType = ResponseMediaType.Negotiate(context.Request);
        context.Response.Headers.Vary = HeaderNames.Accept;

        if (!isGet && !HttpMethods.IsPost(context.Request.Method))
        {
            context.Response.Headers.Allow = "GET, POST";
            await WriteAsync(context, serializer, StatusCodes.Status405MethodNotAllowed, mediaType ?? ResponseMediaType.Json, ErrorResult(new GraphQLHttpError(
                StatusCodes.Status405MethodNotAllowed, GraphQLHttpErrorCodes.MethodNotAllowed, "GraphQL requests must use GET or POST.")));
            return;
        }

        // The refusal itself is written as application/json: the client accepts nothing we serve, and plain
        // JSON is the most widely readable choice.
        if (mediaType is null)
        {
            await WriteAsync(context, serializer, StatusCodes.Status406NotAcceptable, ResponseMediaType.Json, ErrorResult(new GraphQLHttpError(
                StatusCodes.Status406NotAcceptable,
                GraphQLHttpErrorCodes.NotAcceptable,
                "The Accept header must allow application/graphql-response+json or application/json.")));
            return;
        }

        // Credentials that do not verify (expired, forged, another issuer, no role) are refused outright, even for
        // fields anyone may read: answering as if they were absent would hide a broken client or an attack. A present
        // but empty header is such a credential too.
        if (context.Request.Headers.ContainsKey(HeaderNames.Authorization) && context.User.Identity?.IsAuthenticated != true)
        {
            await ChallengeAsync(context);
            await WriteAsync(context, serializer, StatusCodes.Status401Unauthorized, mediaType, ErrorResult(new GraphQLHttpError(
                StatusCodes.Status401Unauthorized,
                GraphQLHttpErrorCodes.Unauthenticated,
                "The Authorization header does not hold a valid bearer token (expired, wrongly signed, for another issuer or audience, or without a known role).")));
            return;
        }

        // One cancellation for everything the request costs, from its body to its answer, so neither a slow body nor a
        // slow parse, validation, execution or serialization holds the service past the timeout or a client that left.
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        deadline.CancelAfter(_requestTimeout);
        try
        {
            var read = isGet
                ? GraphQLRequestReader.ReadGet(context.Request.Query, serializer)
                : await GraphQLRequestReader.ReadPostAsync(context, serializer, _maxRequestBodySize, deadline.Token);

            // Unparsable or malformed requests are answered 4xx whatever the media type: even the legacy
            // application/json rule keeps 200 only for well-formed GraphQL-over-HTTP requests.
            if (read.Error is not null)
            {
                await WriteAsync(context, serializer, read.Error.StatusCode, mediaType, ErrorResult(read.Error), deadline.Token);
                return;
            }

            var access = context.RequestServices.GetRequiredService<AccessAccounting>().Begin(Operation.Of(context, Surfaces.GraphQL));
            var result = await CompleteAsync(context, access, await ExecuteAsync(context, access, read.Request!, isGet, deadline.Token));
            var status = StatusOf(result, mediaType);
            if (status == StatusCodes.Status405MethodNotAllowed)
                context.Response.Headers.Allow = "POST";
            if (status == StatusCodes.Status401Unauthorized)
                await ChallengeAsync(context);
            if (status == StatusCodes.Status503ServiceUnavailable)
                context.Response.Headers.RetryAfter = DatabaseOutage.RetryAfterSeconds;
            await WriteAsync(context, serializer, status, mediaType, ErrorCap.Apply(result, _maxErrors), deadline.Token);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client left: there is nobody to answer.
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            // An answer cut off halfway must not look complete to the client.
            if (context.Response.HasStarted)
            {
                context.Abort();
                return;
            }

            await WriteAsync(context, serializer, StatusCodes.Status504GatewayTimeout, mediaType, new ExecutionResult { Errors = [TimedOut()] });
        }
    }

    private TimeoutError TimedOut() => new(
        $"The request ran longer than {_requestTimeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s and was cancelled. A mutation may or may not have been " +
        "applied: read the record, then retry with its current version (a repeated write is refused with CONFLICT).");

    // A completion that fails replaces the answer: what could not be recorded is not sent.
    private static async Task<ExecutionResult> CompleteAsync(HttpContext context, OperationAccess access, ExecutionResult result)
    {
        try
        {
            await access.CompleteAsync();
            return result;
        }
        catch (Exception e)
        {
            var error = ErrorMapping.Report(e, context.RequestServices,
                "A GraphQL request executed but could not be completed; its answer was withheld");
            return new ExecutionResult { Errors = [error] };
        }
    }

    // The WWW-Authenticate header tells the client which scheme to use (and, after a bad token, what was wrong).
    private static Task ChallengeAsync(HttpContext context) =>
        context.RequestServices.GetService<IAuthenticationService>() is null ? Task.CompletedTask : context.ChallengeAsync();

    private static Task<ExecutionResult> ExecuteAsync(HttpContext context, OperationAccess access, GraphQLRequest request, bool isGet,
        CancellationToken cancellation)
    {
        var executer = context.RequestServices.GetRequiredService<IDocumentExecuter<TSchema>>();
        return executer.ExecuteAsync(new ExecutionOptions
        {
            Query = request.Query,
            OperationName = request.OperationName,
            Variables = request.Variables,
            Extensions = request.Extensions,
            RequestServices = context.RequestServices,
            User = context.User,
            CancellationToken = cancellation,
            UserContext = new GraphQLUserContext(context, access),
            ValidationRules = isGet ? GetRules : PostRules,
            CachedDocumentValidationRules = isGet ? GetCachedDocumentRules : PostCachedDocumentRules,
        });
    }

    private static int StatusOf(ExecutionResult result, string mediaType)
    {
        // The database is out of reach: whatever else the answer holds, the client should retry the request later.
        if (result.Errors?.Any(e => e.Code == ErrorCodes.ServiceUnavailable) == true)
            return StatusCodes.Status503ServiceUnavailable;

        // Once execution has started the response has a data entry, and field errors never change the status.
        if (result.Executed)
            return StatusCodes.Status200OK;

        var errors = result.Errors ?? [];
        if (errors.Any(e => e is HttpOperationTypeError { Code: GraphQLHttpErrorCodes.MethodNotAllowed }))
            return StatusCodes.Status405MethodNotAllowed;

        // The server gave up on its own work; the client may retry later (GraphQL.NET drops any partial data).
        if (errors.Any(e => e is TimeoutError))
            return StatusCodes.Status504GatewayTimeout;

        // Refused only for who is asking: the document itself is fine, so 401 (identify yourself) or 403 (you may not).
        if (errors.Count > 0 && errors.All(e => e is AccessValidationError))
            return errors.Any(e => e.Code == ErrorCodes.Unauthenticated) ? StatusCodes.Status401Unauthorized : StatusCodes.Status403Forbidden;

        // Anything but a request or document error (an exception before execution, even one an unhandled
        // exception handler turned into a coded ExecutionError) is the server's failure: a 4xx would tell the client
        // to change a request that was fine.
        if (!errors.All(e => e is RequestError or DocumentError))
            return StatusCodes.Status500InternalServerError;

        // Parse, validation and variable-coercion errors. With application/graphql-response+json the status
        // tells them apart from field errors (400). A client that asked for application/json may be a legacy
        // one that treats any non-2xx status as a transport failure and never reads the errors, so the spec
        // asks for 200 there and the client reads the missing data entry instead.
        return mediaType == ResponseMediaType.GraphQLResponseJson
            ? StatusCodes.Status400BadRequest
            : StatusCodes.Status200OK;
    }

    private static ExecutionResult ErrorResult(GraphQLHttpError error) => new() { Errors = [error] };

    private static Task WriteAsync(
        HttpContext context, IGraphQLTextSerializer serializer, int status, string mediaType, ExecutionResult result,
        CancellationToken? cancellation = null)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = mediaType;
        return serializer.WriteAsync(context.Response.Body, result, cancellation ?? context.RequestAborted);
    }
}
