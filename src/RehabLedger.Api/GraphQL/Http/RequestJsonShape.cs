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
        catch (InvalidOperationException)
        {
            // A property name that does not decode (ValueTextEquals decodes it).
            return UndecodableText("The request body");
        }

        return problem is null ? CheckText(json, "The request body") : BadRequest(problem);
    }

    /// <summary>Checks a GET <c>variables</c> or <c>extensions</c> parameter; null when it is a JSON object or null.</summary>
    public static GraphQLHttpError? CheckObjectParameter(string json, string parameter)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        var reader = new Utf8JsonReader(bytes);
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

        return isObject ? CheckText(bytes, $"The '{parameter}' parameter") : BadRequest($"The '{parameter}' parameter must be a JSON object or null.");
    }

    // Well-formed JSON may still hold what no reader can turn into .NET strings: an escaped unpaired UTF-16 surrogate
    // (\uD800) or bytes that are not UTF-8, anywhere, names included; and an object may name a property twice, which
    // GraphQL.NET's readers do not expect. Each would fail deep inside them, so this pass finds them first, decoding
    // every string once.
    private static GraphQLHttpError? CheckText(ReadOnlySpan<byte> json, string what)
    {
        var reader = new Utf8JsonReader(json);
        var names = new Stack<HashSet<string>>();
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject:
                        names.Push(new HashSet<string>(StringComparer.Ordinal));
                        break;
                    case JsonTokenType.EndObject:
                        names.Pop();
                        break;
                    case JsonTokenType.PropertyName:
                        if (!names.Peek().Add(reader.GetString()!))
                            return BadRequest($"{what} names the property '{reader.GetString()}' twice in one object.");
                        break;
                    case JsonTokenType.String:
                        reader.GetString();
                        break;
                }
            }
        }
        catch (InvalidOperationException)
        {
            return UndecodableText(what);
        }

        return null;
    }

    public static GraphQLHttpError BadRequest(string message) =>
        new(StatusCodes.Status400BadRequest, GraphQLHttpErrorCodes.BadRequest, message);

    private static GraphQLHttpError UndecodableText(string what) =>
        InvalidJson($"{what} holds text that is not valid UTF-8, or an escaped UTF-16 surrogate without its pair.");

    private static GraphQLHttpError InvalidJson(string message) =>
        new(StatusCodes.Status400BadRequest, GraphQLHttpErrorCodes.InvalidJson, message);
}
