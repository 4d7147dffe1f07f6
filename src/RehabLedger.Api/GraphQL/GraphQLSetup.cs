using GraphQL;
using GraphQL.Execution;
using GraphQLParser.AST;

namespace RehabLedger.GraphQL;

public static class GraphQLSetup
{
    public static IServiceCollection AddRehabLedgerGraphQL(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddScoped<DocumentBatchLoader>();
        services.AddGraphQL(b => b
            .AddSchema<RehabLedgerSchema>()
            .AddSystemTextJson()
            .AddGraphTypes(typeof(RehabLedgerSchema).Assembly)
            .AddErrorInfoProvider(new RehabLedgerErrorInfoProvider())
            .AddUnhandledExceptionHandler(ErrorMapping.Handle)
            .ConfigureExecution<DocumentCache>()
            // Resolvers share the request's Marten session, which is not thread-safe: resolve fields one at a time.
            .AddExecutionStrategy<SerialExecutionStrategy>(OperationType.Query));
        return services;
    }
}
