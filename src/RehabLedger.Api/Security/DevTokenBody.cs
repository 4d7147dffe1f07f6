using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using RehabLedger.Security.Edge;

namespace RehabLedger.Security;

/// <summary>
/// Reads the body of <c>POST /dev/tokens</c> by hand rather than through minimal-API binding, whose failures surface
/// as exceptions (the developer exception page, stack trace and paths included). Every malformed body is answered
/// with problem details and a stable code: 415 <c>UNSUPPORTED_MEDIA_TYPE</c> unless it is declared JSON,
/// 413 <c>PAYLOAD_TOO_LARGE</c> over <see cref="MaxBytes"/>, 400 <c>INVALID_JSON</c> for anything that is not
/// JSON in UTF-8, 400 <c>BAD_REQUEST</c> for JSON of the wrong shape.
/// </summary>
public static class DevTokenBody
{
    /// <summary>A token request is a few hundred bytes; this leaves room for many clinics.</summary>
    public const int MaxBytes = 16 * 1024;

    public static async Task<(DevTokenRequest? Request, IResult? Refusal)> ReadAsync(HttpContext http)
    {
        if (!MediaTypeHeaderValue.TryParse(http.Request.ContentType, out var type)
            || !type.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || (type.Charset.HasValue && !type.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase)))
            return (null, DevTokens.Refuse(StatusCodes.Status415UnsupportedMediaType, EdgeErrors.UnsupportedMediaType,
                "Send the token request as application/json (UTF-8)."));

        if (http.Request.ContentLength > MaxBytes) return (null, TooLarge());
        var body = new MemoryStream();
        var buffer = new byte[4096];
        int read;
        while ((read = await http.Request.Body.ReadAsync(buffer, http.RequestAborted)) > 0)
        {
            if (body.Length + read > MaxBytes) return (null, TooLarge());
            body.Write(buffer, 0, read);
        }

        // The JSON reader does not check the bytes inside strings; a body that is not UTF-8 is not JSON.
        if (!System.Text.Unicode.Utf8.IsValid(body.GetBuffer().AsSpan(0, (int)body.Length)))
            return (null, DevTokens.Refuse(StatusCodes.Status400BadRequest, EdgeErrors.InvalidJson, "The body is not valid UTF-8."));

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body.GetBuffer().AsMemory(0, (int)body.Length));
        }
        catch (JsonException e)
        {
            // The reader's message says where the body went wrong, and holds nothing of the service's.
            return (null, DevTokens.Refuse(StatusCodes.Status400BadRequest, EdgeErrors.InvalidJson, $"The body is not JSON in UTF-8: {e.Message}"));
        }

        using (document)
        {
            var json = http.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
            try
            {
                return document.RootElement.ValueKind == JsonValueKind.Object && document.Deserialize<DevTokenRequest>(json) is { } request
                    ? (request, null)
                    : (null, DevTokens.Refuse(StatusCodes.Status400BadRequest, EdgeErrors.BadRequest, "The body must be a JSON object."));
            }
            catch (JsonException e)
            {
                return (null, DevTokens.Refuse(StatusCodes.Status400BadRequest, EdgeErrors.BadRequest,
                    $"The body is not a token request: the value at {e.Path ?? "$"} is not of the expected type or is not valid text."));
            }
        }
    }

    private static IResult TooLarge() => DevTokens.Refuse(StatusCodes.Status413PayloadTooLarge, EdgeErrors.PayloadTooLarge,
        $"A token request is at most {MaxBytes} bytes.");
}
