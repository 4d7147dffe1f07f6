using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace RehabLedger.GraphQL.Http;

// GraphQL.NET's request converter throws JsonException both for malformed JSON and for well-formed JSON
// whose variables are not an object, yet clients need to know which mistake they made (INVALID_JSON or
// BAD_REQUEST). This forward-only pass tells them apart without
// building a DOM; the registered serializer then reads the request it has vetted.
internal static class RequestJsonShape
{
    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    /// <summary>Checks a POST body; null when it is a well-formed GraphQL-over-HTTP request.</summary>
    public static GraphQLHttpError? CheckRequest(ReadOnlySpan<byte> json)
    {
        if (json.StartsWith(Utf8Bom))
            json = json[Utf8Bom.Length..];

        var reader = new Utf8JsonReader(json);
        string? problem = null;
        try
        {
            if (!reader.Read())
                return InvalidJson("The request body is empty.");

            if (reader.TokenType != JsonTokenType.StartObject)
            {
                problem = "The request body must be a JSON object.";
                reader.Skip();
            }
            else
            {
                var hasQuery = false;
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var isQuery = reader.ValueTextEquals("query"u8);
                    var isOperationName = reader.ValueTextEquals("operationName"u8);
                    var isVariables = reader.ValueTextEquals("variables"u8);
                    var isExtensions = reader.ValueTextEquals("extensions"u8);
                    reader.Read();

                    if (isQuery)
                    {
                        hasQuery = reader.TokenType == JsonTokenType.String;
                        if (!hasQuery)
                            problem ??= "The 'query' parameter must be a string.";
                    }
                    else if (isOperationName && reader.TokenType is not (JsonTokenType.String or JsonTokenType.Null))
                        problem ??= "The 'operationName' parameter must be a string or null.";
                    else if (isVariables && reader.TokenType is not (JsonTokenType.StartObject or JsonTokenType.Null))
                        problem ??= "The 'variables' parameter must be an object or null.";
                    else if (isExtensions && reader.TokenType is not (JsonTokenType.StartObject or JsonTokenType.Null))
                        problem ??= "The 'extensions' parameter must be an object or null.";

                    reader.Skip();
                }

                if (!hasQuery)
                    problem ??= "The request has no 'query' parameter.";
            }

            // Reading to the end makes trailing garbage, or malformed JSON after a parameter of the wrong
            // type, an invalid-JSON error rather than a misleading parameter error.
            while (reader.Read())
            {
            }
        }
        catch (JsonException)
        {
            return InvalidJson("The request body is not valid JSON.");
        }

        return problem is null ? null : BadRequest(problem);
    }

    /// <summary>Checks a GET <c>variables</c> or <c>extensions</c> parameter; null when it is a JSON object or null.</summary>
    public static GraphQLHttpError? CheckObjectParameter(string json, string parameter)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        bool isObject;
        try
        {
            if (!reader.Read())
                return InvalidJson($"The '{parameter}' parameter is not valid JSON.");
            isObject = reader.TokenType is JsonTokenType.StartObject or JsonTokenType.Null;
            reader.Skip();
            while (reader.Read())
            {
            }
        }
        catch (JsonException)
        {
            return InvalidJson($"The '{parameter}' parameter is not valid JSON.");
        }

        return isObject ? null : BadRequest($"The '{parameter}' parameter must be a JSON object or null.");
    }

    public static GraphQLHttpError BadRequest(string message) =>
        new(StatusCodes.Status400BadRequest, GraphQLHttpErrorCodes.BadRequest, message);

    private static GraphQLHttpError InvalidJson(string message) =>
        new(StatusCodes.Status400BadRequest, GraphQLHttpErrorCodes.InvalidJson, message);
}
