using System.Globalization;
using GraphQL.Types.Relay.DataObjects;
using RehabLedger.Common;
using RehabLedger.GraphQL;

namespace RehabLedger.Audit;

/// <summary>
/// Cursor paging done by the database: a cursor carries the key (a sequence or a version) of the last item seen,
/// and the next page asks for the rows beyond it, never for an offset. Cursors are encoded as <see cref="Paging"/>
/// encodes them, so clients see one cursor format.
/// </summary>
public static class KeysetPaging
{
    /// <summary>The key a cursor carries; VALIDATION_FAILED on <c>after</c> when it is not one of ours.</summary>
    public static long KeyOf(string cursor) =>
        Paging.KeyOf(cursor) is { } key && long.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw ClinicalRuleViolation.Invalid(Paging.After, "after is not a cursor from this list.");

    /// <summary>For <see cref="Paging.PagingArguments"/>: a cursor of a keyset list carries a number.</summary>
    public static void CheckCursor(string cursor) => KeyOf(cursor);

    /// <summary>The page from rows fetched one beyond its size, which tells whether another page follows.</summary>
    public static Connection<T> Page<T>(IReadOnlyList<T> rows, int size, Func<T, long> keyOf, bool continued, int? totalCount = null)
    {
        var edges = rows.Take(size)
            .Select(x => new Edge<T> { Cursor = Paging.Cursor(keyOf(x).ToString(CultureInfo.InvariantCulture)), Node = x })
            .ToList();
        return new Connection<T>
        {
            TotalCount = totalCount,
            Edges = edges,
            PageInfo = new PageInfo
            {
                HasNextPage = rows.Count > size,
                HasPreviousPage = continued,
                StartCursor = edges.FirstOrDefault()?.Cursor,
                EndCursor = edges.LastOrDefault()?.Cursor,
            },
        };
    }
}
