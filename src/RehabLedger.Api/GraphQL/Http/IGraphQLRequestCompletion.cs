using GraphQL;
using Microsoft.AspNetCore.Http;

namespace RehabLedger.GraphQL.Http;

/// <summary>
/// Work that must be done after a GraphQL request has executed (or failed validation) and before its response is
/// written, such as recording who read what. Registered as scoped services; when one throws, the response is a
/// 500 without data, so nothing is answered that could not be completed.
/// </summary>
public interface IGraphQLRequestCompletion
{
    Task CompleteAsync(HttpContext context, ExecutionResult result);
}
