using GraphQL;
using GraphQL.Execution;
using GraphQL.Validation.Rules.Custom;
using GraphQLParser.AST;
using RehabLedger.Episodes;
using RehabLedger.GraphQL.Cost;
using RehabLedger.GraphQL.Documents;
using RehabLedger.GraphQL.Http;
using RehabLedger.Live;

namespace RehabLedger.GraphQL;

public static class GraphQLSetup
{
    public static WebApplicationBuilder AddRehabLedgerGraphQL(this WebApplicationBuilder builder)
    {
        var limits = GraphQLLimits.Load(builder.Configuration, builder.Environment);
        var services = builder.Services;
        services.AddSingleton(limits);
        services.Configure<GraphQLHttpOptions>(o =>
        {
            o.MaxRequestBodySize = limits.MaxRequestBodyBytes;
            o.RequestTimeout = TimeSpan.FromSeconds(limits.TimeoutSeconds);
            o.MaxErrors = limits.MaxErrors;
        });
        services.AddHttpContextAccessor();
        services.AddScoped<DocumentBatchLoader>();
        services.AddSingleton<EpisodeOwners>();
        services.AddRehabLedgerLive(builder.Configuration);
        services.AddGraphQL(b =>
        {
            b.AddSchema<RehabLedgerSchema>()
                .AddSystemTextJson()
                .AddGraphTypes(typeof(RehabLedgerSchema).Assembly)
                .ConfigureDerivedTypes()
                .AddErrorInfoProvider(new RehabLedgerErrorInfoProvider())
                .AddUnhandledExceptionHandler(ErrorMapping.Handle)
                .ConfigureExecution<DocumentCache>()
                .AddValidationRule<AuthorizationRule>(useForCachedDocuments: true)
                // Also for kept documents: the variables are new with every request.
                .AddValidationRule(SafeTextRule.Instance, useForCachedDocuments: true)
                // Also for kept documents (DocumentCache): a document's cost depends on the page sizes its variables ask for.
                .AddValidationRule(new CostRule(limits), useForCachedDocuments: true)
                // Resolvers share the request's Marten session, which is not thread-safe: resolve fields one at a time.
                .AddExecutionStrategy<SerialExecutionStrategy>(OperationType.Query);
            // Refuses documents too large to parse and validate cheaply. The request timeout is the transport's
            // (GraphQLHttpOptions.RequestTimeout), which covers reading, parsing and validation as well as execution.
            b.Services.Register<IDocumentBuilder>(new BoundedDocumentBuilder(limits), replace: true);
            if (limits.Introspection != true) b.AddValidationRule(NoIntrospectionValidationRule.Instance, useForCachedDocuments: true);
        });
        return builder;
    }
}
