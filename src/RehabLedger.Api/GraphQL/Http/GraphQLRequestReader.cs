using System.Buffers;
using System.Text.Json;
using GraphQL;
using GraphQL.Transport;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace RehabLedger.GraphQL.Http;

internal readonly record struct RequestReadResult(GraphQLRequest? Request, GraphQLHttpError? Error)
{
    public static implicit operator RequestReadResult(GraphQLRequest request) => new(request, null);

    public static implicit operator RequestReadResult(GraphQLHttpError error) => new(null, error);
}

internal static class GraphQLRequestReader
{
    public static RequestReadResult ReadGet(IQueryCollection parameters, IGraphQLTextSerializer serializer)
    {
        if (!TrySingle(parameters, "query", out var query, out var error)
            || !TrySingle(parameters, "operationName", out var operationName, out error)
            || !TrySingle(parameters, "variables", out var variablesJson, out error)
            || !TrySingle(parameters, "extensions", out var extensionsJson, out error))
            return error!;

        if (query is null)
            return RequestJsonShape.BadRequest("The request has no 'query' parameter.");

        if (!TryReadInputs(variablesJson, "variables", serializer, out var variables, out error)
            || !TryReadInputs(extensionsJson, "extensions", serializer, out var extensions, out error))
            return error!;

        return new GraphQLRequest
        {
            Query = query,
            OperationName = operationName,
            Variables = variables,
            Extensions = extensions,
        };
    }

    public static async Task<RequestReadResult> ReadPostAsync(
        HttpContext context, IGraphQLTextSerializer serializer, long maxBodySize, CancellationToken cancellation)
    {
        var request = context.Request;

        // Only JSON bodies: besides being what the spec requires, this keeps the endpoint out of reach of
        // cross-site form posts, since a browser sends application/json only after a CORS preflight.
        if (!IsUtf8Json(request.ContentType))
        {
            return new GraphQLHttpError(
                StatusCodes.Status415UnsupportedMediaType,
                GraphQLHttpErrorCodes.UnsupportedMediaType,
                "A GraphQL POST body must have the content type 'application/json' (UTF-8).");
        }

        if (request.ContentLength > maxBodySize)
            return TooLarge(maxBodySize);

        // Aligns Kestrel's own limit with ours, so that a larger configured limit is not cut short by the
        // server default and a chunked body is stopped as it arrives.
        var sizeFeature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (sizeFeature is { IsReadOnly: false })
            sizeFeature.MaxRequestBodySize = maxBodySize;

        using var body = new MemoryStream((int)Math.Min(request.ContentLength ?? 16 * 1024, maxBodySize));
        var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, cancellation)) > 0)
            {
                if (body.Length + read > maxBodySize)
                    return TooLarge(maxBodySize);
                body.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge(maxBodySize);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        var shapeError = RequestJsonShape.CheckRequest(body.GetBuffer().AsSpan(0, (int)body.Length));
        if (shapeError is not null)
            return shapeError;

        body.Position = 0;
        GraphQLRequest? graphQLRequest;
        try
        {
            graphQLRequest = await serializer.ReadAsync<GraphQLRequest>(body, cancellation);
        }
        catch (JsonException)
        {
            return Unreadable("The request body");
        }

        return graphQLRequest is null
            ? RequestJsonShape.BadRequest("The request body must be a JSON object.")
            : graphQLRequest;
    }

    private static bool IsUtf8Json(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var mediaType)
            || !mediaType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase))
            return false;

        var charset = mediaType.Charset;
        if (charset.Length >= 2 && charset[0] == '"' && charset[charset.Length - 1] == '"')
            charset = charset.Subsegment(1, charset.Length - 2);
        return charset.Length == 0 || charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase);
    }

    private static GraphQLHttpError TooLarge(long maxBodySize) => new(
        StatusCodes.Status413PayloadTooLarge,
        GraphQLHttpErrorCodes.PayloadTooLarge,
        $"The request body is larger than {maxBodySize} bytes.");

    // A repeated parameter is refused rather than resolved by position: two different queries in one URL
    // are more likely an attack on a cache or a proxy than a client's intent.
    private static bool TrySingle(IQueryCollection parameters, string name, out string? value, out GraphQLHttpError? error)
    {
        value = null;
        error = null;
        if (!parameters.TryGetValue(name, out StringValues values))
            return true;
        if (values.Count > 1)
        {
            error = RequestJsonShape.BadRequest($"The '{name}' parameter is given more than once.");
            return false;
        }

        // Clients that build URLs from a fixed template send "operationName=" for "no operation name"; an
        // empty query, though, is a document and gets GraphQL.NET's syntax error.
        value = string.IsNullOrEmpty(values[0]) && name != "query" ? null : values[0];
        return true;
    }

    private static bool TryReadInputs(
        string? json, string parameter, IGraphQLTextSerializer serializer, out Inputs? inputs, out GraphQLHttpError? error)
    {
        inputs = null;
        error = null;
        if (json is null)
            return true;

        error = RequestJsonShape.CheckObjectParameter(json, parameter);
        if (error is not null)
            return false;

        try
        {
            inputs = serializer.Deserialize<Inputs>(json);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            error = Unreadable($"The '{parameter}' parameter");
            return false;
        }

        return true;
    }

    // What RequestJsonShape vetted should always read; this keeps a reader's surprise (a value it cannot represent) a
    // refusal of the request rather than a failure of the service.
    private static GraphQLHttpError Unreadable(string what) =>
        RequestJsonShape.BadRequest($"{what} could not be read as GraphQL input values.");
}
