using GraphQL.Execution;

namespace RehabLedger.GraphQL.Documents;

/// <summary>
/// A document refused for its size before it is validated. A document error, so the transport answers it like a
/// validation error: 400 (200 to a legacy <c>application/json</c> client), nothing executed.
/// </summary>
public sealed class DocumentLimitError : DocumentError
{
    public DocumentLimitError(string code, string message)
        : base(message)
    {
        Code = code;
    }
}
