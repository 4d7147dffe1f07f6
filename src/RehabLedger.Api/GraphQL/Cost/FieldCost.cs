using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;
using GraphQL.Validation.Complexity;

namespace RehabLedger.GraphQL.Cost;

/// <summary>
/// What a field costs in the complexity count (<see cref="CostRule"/>), by what resolving it does. A price is counted
/// once for every time the field runs: multiplied by the page size of each connection above it and by
/// <see cref="GraphQLLimits.ListMultiplier"/> for each other list above it. Every root field and every list field
/// declares its price next to its definition with <see cref="Costs{TSource,TReturn}"/>; a test holds the schema to that.
/// The unit is a value already in memory, which is what a field costs when it declares nothing.
/// </summary>
public static class FieldCost
{
    /// <summary>A value already loaded with its parent: a property, a list inside the parent's document, a calculation over it.</summary>
    public const double InMemory = 1;

    /// <summary>
    /// Joins the request's batch (<see cref="DocumentBatchLoader"/>): one round trip serves the field for every parent at the
    /// same level, so each use costs a share of it.
    /// </summary>
    public const double Batched = 2;

    /// <summary>A database round trip of its own: a document by id, or a short indexed query (a patient's episodes).</summary>
    public const double RoundTrip = 10;

    /// <summary>A filtered, ordered page read from an index: the caseload, the access log, the audit trail, an event page.</summary>
    public const double Page = 25;

    /// <summary>Reads an episode's event stream and folds it: program history, the program as of an instant, an outcome history.</summary>
    public const double StreamFold = 50;

    /// <summary>An outcome history built into a FHIR R4 bundle and serialised to text: the dearest field there is.</summary>
    public const double Bundle = 100;

    /// <summary>A mutation: a command that loads a stream, decides and appends its events in one transaction.</summary>
    public const double Command = StreamFold;

    /// <summary>
    /// From this price up a field reaches the database or builds a document on its own; a document may select at most
    /// <see cref="GraphQLLimits.MaxExpensiveFields"/> of those (each alias and each use of a fragment counts).
    /// </summary>
    public const double Expensive = RoundTrip;

    private const string PriceKey = "RehabLedger.Price";

    /// <summary>
    /// Declares what the field costs each time it runs. Its children are counted as for any field (see <see cref="Default"/>),
    /// so a list or a connection still multiplies what is selected inside it.
    /// </summary>
    public static FieldBuilder<TSource, TReturn> Costs<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field, double price)
    {
        field.FieldType.Costs(price);
        return field;
    }

    /// <inheritdoc cref="Costs{TSource,TReturn}"/>
    public static FieldType Costs(this FieldType field, double price)
    {
        field.Metadata[PriceKey] = price;
        field.WithComplexityImpact(context =>
        {
            CostTally.Current?.Count(expensive: price >= Expensive);
            return new FieldComplexityResult(price, ChildMultiplier(context));
        });
        return field;
    }

    /// <summary>The price a field declared, or null when it declared none.</summary>
    public static double? PriceOf(FieldType field) => field.Metadata.TryGetValue(PriceKey, out var price) ? (double?)price : null;

    /// <summary>
    /// How many times each child of a field runs, for every field whether it declared a price or not. GraphQL.NET's own rule,
    /// with two corrections: a page without <c>first</c> holds <see cref="Paging.DefaultPageSize"/> items (not the list
    /// multiplier), and <c>first</c> counts only between 0 and <see cref="Paging.MaxPageSize"/>, the sizes a page can have, so a
    /// negative page size cannot make the rest of a document look cheaper.
    /// </summary>
    public static FieldComplexityResult Default(FieldImpactContext context)
    {
        CostTally.Current?.Count(expensive: false);
        return new(DefaultImpact(context), ChildMultiplier(context));
    }

    private static double DefaultImpact(FieldImpactContext context) => context.FieldDefinition.ResolvedType?.GetNamedType() is ScalarGraphType
        ? context.Configuration.DefaultScalarImpact
        : context.Configuration.DefaultObjectImpact;

    private static double ChildMultiplier(FieldImpactContext context)
    {
        if (!IsList(context.FieldDefinition)) return 1;
        // The items of a connection (edges, items): as many as its page holds.
        if (context.Parent is { } parent && !IsList(parent.FieldDefinition) && IsPaged(parent.FieldDefinition))
            return PageSize(parent);
        if (IsPaged(context.FieldDefinition)) return PageSize(context);
        var multiplier = 1d;
        for (var type = Unwrap(context.FieldDefinition.ResolvedType); type is ListGraphType list; type = Unwrap(list.ResolvedType))
            multiplier *= context.Configuration.DefaultListImpactMultiplier;
        return multiplier;
    }

    private static double PageSize(FieldImpactContext pagedField) =>
        pagedField.GetArgument<int?>(Paging.First) is { } first ? Math.Clamp(first, 0, Paging.MaxPageSize) : Paging.DefaultPageSize;

    private static bool IsPaged(FieldType field) => field.Arguments?.Find(Paging.First) is not null;

    private static bool IsList(FieldType field) => Unwrap(field.ResolvedType) is ListGraphType;

    private static IGraphType? Unwrap(IGraphType? type) => type is NonNullGraphType nonNull ? nonNull.ResolvedType : type;
}

/// <summary>
/// What one run of <see cref="CostRule"/> counts besides complexity. The field prices are shared by every request, so the
/// count of the request being analysed is found through the analysis's own flow.
/// </summary>
internal sealed class CostTally(int maxFields)
{
    private static readonly AsyncLocal<CostTally?> Running = new();

    public static CostTally? Current => Running.Value;

    public int ExpensiveFields { get; private set; }

    private int _fields;

    /// <summary>
    /// Counts a field as the analysis reaches it, fragments expanded. Past <c>maxFields</c> the analysis stops: a document
    /// whose fragments spread each other doubles with every level, and would otherwise cost the analysis what it would cost
    /// to run.
    /// </summary>
    public void Count(bool expensive)
    {
        if (++_fields > maxFields) throw new TooManyFields(maxFields);
        if (expensive) ExpensiveFields++;
    }

    /// <summary>Counts for whatever runs in the current flow until the result is disposed.</summary>
    public static IDisposable Start(int maxFields, out CostTally tally)
    {
        tally = new CostTally(maxFields);
        Running.Value = tally;
        return new Stop();
    }

    private sealed class Stop : IDisposable
    {
        public void Dispose() => Running.Value = null;
    }

    public sealed class TooManyFields(int max) : Exception($"The document selects more than {max} fields once its fragments are expanded.");
}
