using RehabLedger.Infrastructure;

namespace RehabLedger.GraphQL;

/// <summary>
/// Bounds on what one GraphQL request may cost, from the configuration section <c>GraphQL</c>. Each is checked
/// before anything executes except the timeout, which cancels execution. Page sizes are capped by
/// <see cref="Paging.MaxPageSize"/>, a constant because clients build against it (the schema states it).
/// </summary>
public sealed class GraphQLLimits
{
    public const string Section = "GraphQL";

    /// <summary>Deepest field nesting accepted; the deepest queries the clients of this service send reach 7.</summary>
    public int MaxDepth { get; set; } = 10;

    /// <summary>
    /// Largest complexity accepted, as GraphQL.NET's analyzer counts it with the prices of <see cref="Cost.FieldCost"/>: each
    /// field costs its price, multiplied by the page size of every connection above it (<c>first</c>, or 20 when not given)
    /// and by <see cref="ListMultiplier"/> for every other list above it. A full page of 100 outcome histories with every
    /// field costs about 44,000; two nested pages of 100 cost more than the limit.
    /// </summary>
    public int MaxComplexity { get; set; } = 50_000;

    /// <summary>
    /// How many items the analyzer expects in a list that is not a connection. Such lists are parts of one document
    /// (an episode's goals, a measure's series), already in memory, so they count for less than GraphQL.NET's default of 20.
    /// </summary>
    public const int ListMultiplier = 5;

    /// <summary>
    /// How many fields that each read the database or build a document (priced at <see cref="Cost.FieldCost.Expensive"/> or
    /// more) one document may select, each alias and each use of a fragment counted: many aliases of one cheap-looking
    /// field are refused before any of them runs.
    /// </summary>
    public int MaxExpensiveFields { get; set; } = 20;

    /// <summary>
    /// Deepest nesting of a document that asks for introspection only (<c>__schema</c>, <c>__type</c>, <c>__typename</c> at its
    /// root). The standard introspection queries of GraphiQL and graphql-js reach 15 (<c>__schema</c>, types, fields, args,
    /// type, then the nine levels of <c>ofType</c> of a type reference); a chain of <c>ofType</c> costs little, the limit leaves
    /// room for tools that ask for a longer one. A document mixing introspection with data gets <see cref="MaxDepth"/>.
    /// </summary>
    public int MaxIntrospectionDepth { get; set; } = 20;

    /// <summary>
    /// Largest complexity of a document that asks for introspection only, per type in the schema: GraphQL.NET counts
    /// <c>__schema { types }</c> as many times as the schema has types, so the standard queries cost a fixed amount per type
    /// (about 1,500 for GraphiQL's, 1,560 for graphql-js's with every option) however the schema grows. Nesting one more level
    /// of fields in them (<c>types { fields { type { ofType { fields … } } } }</c>) costs about 3,100 per type and is refused,
    /// as are two copies of the standard query in one document.
    /// </summary>
    public int MaxIntrospectionComplexityPerType { get; set; } = 2_500;

    /// <summary>Seconds a request may execute before it is cancelled and answered TIMEOUT.</summary>
    public int TimeoutSeconds { get; set; } = 30;

    /// <summary>Whether <c>__schema</c> and <c>__type</c> are answered; when not set, only in Development and Testing.</summary>
    public bool? Introspection { get; set; }

    /// <summary>Largest POST body, in bytes; see <see cref="Http.GraphQLHttpOptions.MaxRequestBodySize"/>.</summary>
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    public static GraphQLLimits Load(IConfiguration configuration, IHostEnvironment environment)
    {
        var limits = configuration.GetSection(Section).Get<GraphQLLimits>() ?? new GraphQLLimits();
        limits.Introspection ??= environment.IsDevelopment() || environment.IsEnvironment("Testing");
        if (limits.MaxDepth < 1 || limits.MaxComplexity < 1 || limits.MaxExpensiveFields < 1 || limits.TimeoutSeconds < 1
            || limits.MaxIntrospectionDepth < 1 || limits.MaxIntrospectionComplexityPerType < 1)
            throw new InvalidConfigurationException(
                $"{Section}:MaxDepth, MaxComplexity, MaxExpensiveFields, MaxIntrospectionDepth, MaxIntrospectionComplexityPerType and TimeoutSeconds must each be at least 1.");
        return limits;
    }
}
