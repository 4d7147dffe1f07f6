using GraphQL.Execution;

namespace RehabLedger.GraphQL.Http;

// A RequestError, so that a refusal by the transport is written by the registered serializer and
// IErrorInfoProvider exactly like GraphQL.NET's own request errors, and clients parse one error shape.
internal sealed class GraphQLHttpError : RequestError
{
    public GraphQLHttpError(int statusCode, string code, string message)
        : base(message)
    {
        StatusCode = statusCode;
        Code = code;
    }

    public int StatusCode { get; }
}
