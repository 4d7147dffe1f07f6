using GraphQL;
using GraphQL.Execution;
using RehabLedger.Common;
using RehabLedger.GraphQL;

namespace RehabLedger.Live.Transport;

/// <summary>The HTTP status of an operation that could not start, as <c>/graphql</c> would answer it.</summary>
internal static class StartStatus
{
    public static int Of(ExecutionResult result)
    {
        var errors = result.Errors ?? [];
        if (errors.Any(e => e.Code == ErrorCodes.ServiceUnavailable)) return StatusCodes.Status503ServiceUnavailable;
        if (errors.Count > 0 && errors.All(e => e is AccessValidationError))
            return errors.Any(e => e.Code == ErrorCodes.Unauthenticated) ? StatusCodes.Status401Unauthorized : StatusCodes.Status403Forbidden;
        if (errors.Count > 0 && errors.All(e => e is RequestError or DocumentError)) return StatusCodes.Status400BadRequest;
        return StatusCodes.Status500InternalServerError;
    }
}
