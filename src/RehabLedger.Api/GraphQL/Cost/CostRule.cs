using GraphQL.Validation;
using GraphQL.Validation.Complexity;
using GraphQL.Validation.Errors.Custom;
using GraphQL.Validation.Rules.Custom;
using GraphQLParser;
using GraphQLParser.AST;

namespace RehabLedger.GraphQL.Cost;

/// <summary>
/// Refuses, before anything runs, a document that would cost too much: too deep, too complex by the field prices of
/// <see cref="FieldCost"/>, or selecting more expensive fields than <see cref="GraphQLLimits.MaxExpensiveFields"/>. Every refusal
/// is a <see cref="ComplexityError"/>, answered 400 with the code <c>COMPLEXITY</c>. A document whose operation asks for
/// introspection only (<c>__schema</c>, <c>__type</c>, <c>__typename</c> at its root) is held to
/// <see cref="GraphQLLimits.MaxIntrospectionDepth"/> and <see cref="GraphQLLimits.MaxIntrospectionComplexityPerType"/> instead: the
/// standard introspection queries of GraphiQL and graphql-js are deeper than any data query.
/// </summary>
public sealed class CostRule(GraphQLLimits limits) : ComplexityValidationRule(new ComplexityOptions
{
    DefaultListImpactMultiplier = GraphQLLimits.ListMultiplier,
    DefaultComplexityImpactDelegate = FieldCost.Default,
})
{
    public override async ValueTask<INodeVisitor?> GetPostNodeVisitorAsync(ValidationContext context)
    {
        // The analysis walks the document's fragments, so it runs only on a document without errors (no cycles, no unknown fields).
        if (context.HasErrors) return null;
        var introspection = IsIntrospectionOnly(context.Document, context.Operation);
        var (maxDepth, maxComplexity) = introspection
            ? (limits.MaxIntrospectionDepth, limits.MaxIntrospectionComplexityPerType * context.Schema.AllTypes.Count)
            : (limits.MaxDepth, limits.MaxComplexity);
        // Worded as GraphQL.NET words its own complexity errors, which clients may already match.
        var kind = introspection ? " for a document that asks for introspection only" : "";
        CostTally tally;
        double complexity;
        int depth;
        try
        {
            // Every field costs at least 1 unless a page of 0 hides it: a document with more fields than the complexity
            // limit is over it, and the analysis need not walk further.
            using (CostTally.Start(maxComplexity, out tally))
                (complexity, depth) = await CalculateComplexityAsync(context);
        }
        catch (CostTally.TooManyFields tooMany)
        {
            context.ReportError(new ComplexityError(
                $"Query is too complex to execute. {tooMany.Message} Maximum allowed on this endpoint is {maxComplexity}{kind}."));
            return null;
        }

        var refusal =
            depth > maxDepth
                ? $"Query is too nested to execute. Maximum depth is {depth} levels; maximum allowed on this endpoint is {maxDepth}{kind}."
            : tally.ExpensiveFields > limits.MaxExpensiveFields
                ? $"Query selects {tally.ExpensiveFields} fields that each read the database or build a document (aliases and " +
                  $"fragment uses count each time); at most {limits.MaxExpensiveFields} are allowed in one document. Send several requests instead."
            : complexity > maxComplexity
                ? $"Query is too complex to execute. Complexity is {complexity}; maximum allowed on this endpoint is {maxComplexity}{kind}. " +
                  "Ask for smaller pages or fewer fields."
            : null;
        if (refusal is not null) context.ReportError(new ComplexityError(refusal));
        return null;
    }

    /// <summary>
    /// Whether every field at the operation's root, through fragments and inline fragments, is an introspection field. A
    /// document mixing introspection with data is a data query and gets the data limits.
    /// </summary>
    public static bool IsIntrospectionOnly(GraphQLDocument document, GraphQLOperationDefinition operation)
    {
        var seen = new HashSet<GraphQLFragmentDefinition>();
        return Only(operation.SelectionSet);

        bool Only(GraphQLSelectionSet selections) => selections.Selections.All(selection => selection switch
        {
            GraphQLField field => field.Name.Value.Span.StartsWith("__"),
            GraphQLInlineFragment inline => Only(inline.SelectionSet),
            GraphQLFragmentSpread spread => document.FindFragmentDefinition(spread.FragmentName.Name) is { } fragment
                                            && (!seen.Add(fragment) || Only(fragment.SelectionSet)),
            _ => false,
        });
    }
}
