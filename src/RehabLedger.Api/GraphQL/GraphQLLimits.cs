using RehabLedger.Infrastructure;

namespace RehabLedger.GraphQL;

/// <summary>
/// Bounds on what one GraphQL request may cost, from the configuration section <c>GraphQL</c>. Each is checked
/// before anything executes except the timeout, which cancels the whole request. Page sizes are capped by
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

    /// <summary>
    /// Seconds a request may take, from reading its body to writing its answer (parsing, validation and execution
    /// included), before it is cancelled and answered TIMEOUT.
    /// </summary>
    public int TimeoutSeconds { get; set; } = 30;

    /// <summary>Whether <c>__schema</c> and <c>__type</c> are answered; when not set, only in Development and Testing.</summary>
    public bool? Introspection { get; set; }

    /// <summary>Largest POST body, in bytes; see <see cref="Http.GraphQLHttpOptions.MaxRequestBodySize"/>.</summary>
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>
    /// Longest document (the <c>query</c> text) accepted, in characters, over GET and POST alike; refused with
    /// DOCUMENT_TOO_LARGE before it is read further. The longest documents clients of this service send are under 10,000.
    /// </summary>
    public int MaxDocumentLength { get; set; } = 64 * 1024;

    /// <summary>
    /// Most lexical tokens (names, punctuation, values) accepted in one document; refused with TOO_MANY_TOKENS. It bounds
    /// every kind of node at once: values in lists, arguments, definitions. GraphiQL's introspection query has about 300.
    /// </summary>
    public int MaxTokens { get; set; } = 10_000;

    /// <summary>
    /// Most fields accepted in one document, over every operation and fragment, with each fragment spread counted as the
    /// fields of its fragment (so a spread repeated at every level counts exponentially, as it would cost); refused with
    /// TOO_MANY_FIELDS. Counting is linear: each fragment is measured once. GraphiQL's introspection query counts about 500.
    /// </summary>
    public int MaxFields { get; set; } = 1_500;

    /// <summary>
    /// Most fields one selection set may hold under one response name (one field repeated, or one alias given to many),
    /// counting those its inline fragments and fragment spreads bring; refused with TOO_MANY_FIELDS. The validator compares
    /// such fields pair by pair and reports every conflicting pair, so their cost grows with the square of their number.
    /// </summary>
    public int MaxFieldsOfOneName { get; set; } = 50;

    /// <summary>Most directives accepted in one document, wherever they are written; refused with TOO_MANY_DIRECTIVES.</summary>
    public int MaxDirectives { get; set; } = 200;

    /// <summary>Most variables one operation may declare; refused with TOO_MANY_VARIABLES.</summary>
    public int MaxVariables { get; set; } = 100;

    /// <summary>Most errors one answer carries; past it the rest are replaced by one TOO_MANY_ERRORS error saying how many were left out.</summary>
    public int MaxErrors { get; set; } = 100;

    /// <summary>
    /// Deepest nesting the parser accepts, counted in syntax nodes (selections, arguments, values and lists alike), the
    /// parser's own default. Deeper documents are refused with DOCUMENT_TOO_DEEP; field depth has its own, lower limit
    /// (<see cref="MaxDepth"/>).
    /// </summary>
    public const int MaxParserDepth = 128;

    public static GraphQLLimits Load(IConfiguration configuration, IHostEnvironment environment)
    {
        var limits = configuration.GetSection(Section).Get<GraphQLLimits>() ?? new GraphQLLimits();
        limits.Introspection ??= environment.IsDevelopment() || environment.IsEnvironment("Testing");
        if (limits.MaxDepth < 1 || limits.MaxComplexity < 1 || limits.MaxExpensiveFields < 1 || limits.TimeoutSeconds < 1
            || limits.MaxIntrospectionDepth < 1 || limits.MaxIntrospectionComplexityPerType < 1)
            throw new InvalidConfigurationException(
                $"{Section}:MaxDepth, MaxComplexity, MaxExpensiveFields, MaxIntrospectionDepth, MaxIntrospectionComplexityPerType and TimeoutSeconds must each be at least 1.");
        if (limits.MaxDocumentLength < 1 || limits.MaxTokens < 1 || limits.MaxFields < 1 || limits.MaxFieldsOfOneName < 1 || limits.MaxDirectives < 0
            || limits.MaxVariables < 0 || limits.MaxErrors < 1)
            throw new InvalidConfigurationException(
                $"{Section}:MaxDocumentLength, MaxTokens, MaxFields, MaxFieldsOfOneName and MaxErrors must each be at least 1; MaxDirectives and MaxVariables at least 0.");
        return limits;
    }
}
