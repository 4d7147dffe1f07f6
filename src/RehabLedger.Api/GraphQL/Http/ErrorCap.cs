using GraphQL;

namespace RehabLedger.GraphQL.Http;

// Validation writes one error per offending node, and execution one per failing field: a short document can earn
// thousands. The answer keeps the first ones, which say what is wrong as well as all of them would.
internal static class ErrorCap
{
    /// <summary>The result with at most <paramref name="maxErrors"/> errors, the last of which counts those left out.</summary>
    public static ExecutionResult Apply(ExecutionResult result, int maxErrors)
    {
        if (result.Errors is not { } errors || errors.Count <= maxErrors)
            return result;

        var kept = new ExecutionErrors();
        foreach (var error in errors.Take(maxErrors - 1))
            kept.Add(error);
        kept.Add(new ExecutionError(
            $"{errors.Count - maxErrors + 1} more errors were left out; an answer carries at most {maxErrors}. Fix the ones above and send the request again.")
        {
            Code = GraphQLHttpErrorCodes.TooManyErrors,
        });
        result.Errors = kept;
        return result;
    }
}
