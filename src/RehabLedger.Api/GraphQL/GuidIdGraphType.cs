using GraphQL.Types;
using GraphQLParser.AST;

namespace RehabLedger.GraphQL;

/// <summary>
/// The schema's ID scalar. Every id in RehabLedger is a GUID, so anything else is refused while the request is
/// validated (400, INVALID_VALUE or ARGUMENTS_OF_CORRECT_TYPE) rather than failing later inside a resolver, where a
/// probe with junk ids would read as a server fault and fill the log. Ids are still written and read as strings.
/// </summary>
public sealed class GuidIdGraphType : IdGraphType
{
    public override object? ParseLiteral(GraphQLValue value) => value switch
    {
        GraphQLNullValue => null,
        GraphQLStringValue s when Guid.TryParse(s.Value.Span, out var id) => id,
        _ => ThrowLiteralConversionError(value, "An ID is a GUID such as 'e0000000-0000-4000-8000-000000000001'."),
    };

    public override bool CanParseLiteral(GraphQLValue value) =>
        value is GraphQLNullValue || (value is GraphQLStringValue s && Guid.TryParse(s.Value.Span, out _));

    public override object? ParseValue(object? value) => value switch
    {
        null => null,
        Guid id => id,
        string s when Guid.TryParse(s, out var id) => id,
        _ => ThrowValueConversionError(value),
    };

    public override bool CanParseValue(object? value) => value is null or Guid || (value is string s && Guid.TryParse(s, out _));
}
