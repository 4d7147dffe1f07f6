using GraphQL;
using GraphQL.Builders;

namespace RehabLedger.GraphQL;

/// <summary>
/// Checks of a field's arguments that run before its resolver, so before anything is looked up. A field that names
/// a record by id must answer an id of another clinic exactly as an id that does not exist, for every combination
/// of its other arguments; when the other arguments are checked first, in one place, no answer can depend on whether
/// the record exists or whose it is. Rules that need the record (a cursor pointing past the end of this list, a
/// version beyond the stream's) stay with the query and run after the access check.
/// </summary>
public static class ArgumentChecks
{
    /// <summary>Runs <paramref name="check"/> before the resolver (as field middleware); a check refuses by throwing.</summary>
    public static FieldBuilder<TSource, TReturn> CheckArguments<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field,
        Action<IResolveFieldContext> check) =>
        field.ApplyMiddleware(next => context =>
        {
            check(context);
            return next(context);
        });
}
