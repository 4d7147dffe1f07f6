using System.Text;
using GraphQL;
using GraphQL.Builders;
using GraphQL.DataLoader;
using GraphQL.Types;
using GraphQL.Types.Relay;
using GraphQL.Types.Relay.DataObjects;
using RehabLedger.Common;

namespace RehabLedger.GraphQL;

/// <summary>
/// Forward cursor paging (<c>first</c>, <c>after</c>) over a list already ordered in memory, answered as a Relay
/// connection with GraphQL.NET's own <see cref="Connection{TNode}"/> and <see cref="ConnectionType{TNodeType}"/>.
/// A cursor names an item by its key, not by its position, so an entry added in front of it between two
/// requests neither repeats nor skips an item on the next page.
/// </summary>
public static class Paging
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;
    public const string First = "first";
    public const string After = "after";

    // Makes a cursor recognisably ours once decoded; clients must treat the whole cursor as opaque.
    private const string CursorPrefix = "rl1:";

    /// <summary>
    /// The page of <paramref name="ordered"/> that follows the item <paramref name="after"/> points to, at most
    /// <paramref name="first"/> items (default <see cref="DefaultPageSize"/>). Refuses, never clamps: a
    /// <paramref name="first"/> outside 0 to <see cref="MaxPageSize"/> or an unknown cursor is VALIDATION_FAILED.
    /// </summary>
    /// <param name="keyOf">A key unique within the list, stable across requests (an entry id).</param>
    public static Connection<T> Page<T>(IReadOnlyList<T> ordered, Func<T, string> keyOf, int? first, string? after)
    {
        var size = PageSize(first);
        var start = after is null ? 0 : IndexAfter(ordered, keyOf, after);
        var edges = ordered.Skip(start).Take(size).Select(x => new Edge<T> { Cursor = Cursor(keyOf(x)), Node = x }).ToList();
        return new Connection<T>
        {
            TotalCount = ordered.Count,
            Edges = edges,
            PageInfo = new PageInfo
            {
                HasNextPage = start + edges.Count < ordered.Count,
                HasPreviousPage = start > 0,
                StartCursor = edges.FirstOrDefault()?.Cursor,
                EndCursor = edges.LastOrDefault()?.Cursor,
            },
        };
    }

    public static int PageSize(int? first)
    {
        if (first is null) return DefaultPageSize;
        Validate.That(first >= 0, First, $"first must not be negative (got {first}).");
        Validate.That(first <= MaxPageSize, First, $"first is {first}; a page holds at most {MaxPageSize} items. Page on with after.");
        return first.Value;
    }

    public static string Cursor(string key) => Convert.ToBase64String(Encoding.UTF8.GetBytes(CursorPrefix + key));

    /// <summary>The key a cursor names, or null when the text is not a cursor this service issued.</summary>
    public static string? KeyOf(string cursor)
    {
        var bytes = new byte[cursor.Length];
        if (!Convert.TryFromBase64String(cursor, bytes, out var length)) return null;
        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes, 0, length);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
        return text.StartsWith(CursorPrefix, StringComparison.Ordinal) ? text[CursorPrefix.Length..] : null;
    }

    private static int IndexAfter<T>(IReadOnlyList<T> ordered, Func<T, string> keyOf, string after)
    {
        var key = KeyOf(after) ?? throw ClinicalRuleViolation.Invalid(After, "after is not a cursor from this list.");
        for (var i = 0; i < ordered.Count; i++)
            if (keyOf(ordered[i]) == key) return i + 1;
        // The item is gone from the list (for example marked entered in error since): there is no "after" it.
        throw ClinicalRuleViolation.Invalid(After, "after points to an entry no longer in this list; start again from the first page.");
    }

    /// <summary>
    /// The <c>first</c> and <c>after</c> arguments, described once for every connection, and checked before the
    /// resolver runs (see <see cref="ArgumentChecks"/>): a page size out of range or a cursor this service did not
    /// issue is refused whatever the field's other arguments name.
    /// </summary>
    /// <param name="checkCursor">Refuses a cursor that cannot be one of this list's; by default, one that is not ours.</param>
    public static FieldBuilder<TSource, TReturn> PagingArguments<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field,
        Action<string>? checkCursor = null) =>
        field
            .Argument<IntGraphType>(First, $"How many items, {DefaultPageSize} when not given, at most {MaxPageSize}; more is refused.")
            .Argument<StringGraphType>(After, "The endCursor of the previous page; leave it out for the first page.")
            .CheckArguments(c =>
            {
                PageSize(c.GetArgument<int?>(First));
                if (c.GetArgument<string?>(After) is { } after) (checkCursor ?? CheckCursor)(after);
            });

    private static void CheckCursor(string cursor)
    {
        if (KeyOf(cursor) is null) throw ClinicalRuleViolation.Invalid(After, "after is not a cursor from this list.");
    }

    /// <summary>Adds a connection field over an ordered in-memory list of the source object.</summary>
    public static FieldBuilder<TSource, object> ConnectionField<TSource, TNodeGraphType, TNode>(
        this ObjectGraphType<TSource> type, string name, Func<TSource, IReadOnlyList<TNode>> ordered, Func<TNode, string> keyOf)
        where TNodeGraphType : IGraphType =>
        type.Field<NonNullGraphType<ConnectionType<TNodeGraphType>>>(name)
            .PagingArguments()
            .Resolve(c => Page(ordered(c.Source), keyOf, c.GetArgument<int?>(First), c.GetArgument<string?>(After)));

    /// <summary>The same over a list that arrives with a batch (see <see cref="DocumentBatchLoader"/>).</summary>
    public static FieldBuilder<TSource, object> ConnectionField<TSource, TNodeGraphType, TNode>(
        this ObjectGraphType<TSource> type, string name, Func<IResolveFieldContext<TSource>, IDataLoaderResult<IReadOnlyList<TNode>>> ordered,
        Func<TNode, string> keyOf)
        where TNodeGraphType : IGraphType =>
        type.Field<NonNullGraphType<ConnectionType<TNodeGraphType>>>(name)
            .PagingArguments()
            .Resolve(c =>
            {
                var (first, after) = (c.GetArgument<int?>(First), c.GetArgument<string?>(After));
                PageSize(first); // refuse an oversized page before touching the database
                return ordered(c).Then(list => Page(list, keyOf, first, after));
            });
}
