using GraphQL.Validation;
using GraphQLParser.AST;

namespace RehabLedger.GraphQL.Http;

// The operation type is known only once the document is parsed and the operation selected, which
// GraphQL.NET does before validation; a validation rule therefore refuses a mutation over GET without
// parsing the document twice and before any resolver runs.
internal sealed class HttpOperationTypeRule : ValidationRuleBase
{
    public static readonly HttpOperationTypeRule ForGet = new(allowMutations: false);
    public static readonly HttpOperationTypeRule ForPost = new(allowMutations: true);

    private readonly bool _allowMutations;

    private HttpOperationTypeRule(bool allowMutations) => _allowMutations = allowMutations;

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        switch (context.Operation.Operation)
        {
            case OperationType.Mutation when !_allowMutations:
                context.ReportError(new HttpOperationTypeError(
                    context,
                    GraphQLHttpErrorCodes.MethodNotAllowed,
                    "Mutations are not allowed over GET (a GET must be safe to repeat); send them with POST."));
                break;
            case OperationType.Subscription:
                context.ReportError(new HttpOperationTypeError(
                    context,
                    GraphQLHttpErrorCodes.SubscriptionNotSupported,
                    "Subscriptions are not supported over HTTP requests."));
                break;
        }

        return default;
    }
}

internal sealed class HttpOperationTypeError : ValidationError
{
    public HttpOperationTypeError(ValidationContext context, string code, string message)
        : base(context.Document.Source, null, message, context.Operation)
    {
        Code = code;
    }
}
