using System.Globalization;
using System.Text.Json;
using GraphQL;
using GraphQL.Types;

namespace RehabLedger.Tests.Security;

/// <summary>A text leaf of a root field's arguments: where a string goes, at any depth of any input object or list.</summary>
/// <param name="Path">As the service names it in <c>extensions.field</c>: <c>input.exercises[0].note</c>.</param>
/// <param name="Literal">Whether the leaf can be written as a string literal in the document (enums cannot).</param>
public sealed record TextLeaf(string Coordinate, string Path, string TypeName, bool Literal)
{
    public override string ToString() => $"{Coordinate} {Path} ({TypeName})";
}

/// <summary>
/// Requests built from the running schema alone: for every root field, arguments that are well-typed everywhere, with one
/// chosen text leaf replaced. New arguments, input fields and nesting are covered without anyone listing them.
/// </summary>
public static class SchemaInputs
{
    private const int MaxDepth = 6;

    /// <summary>An enum value: a bare name in a literal, a string in the variables.</summary>
    private sealed record EnumValue(string Name);

    public static IEnumerable<TextLeaf> Leaves() =>
        from root in SchemaRoots.Fields()
        from argument in root.Field.Arguments ?? []
        from leaf in LeavesOf(argument.ResolvedType!, argument.Name, 0)
        select new TextLeaf($"{root.Type.Name}.{root.Field.Name}", leaf.Path, leaf.TypeName, leaf.Literal);

    /// <summary>The document and variables for <paramref name="leaf"/>'s field, with <paramref name="text"/> at the leaf.</summary>
    public static (string Query, Dictionary<string, object?> Variables) AsVariables(TextLeaf leaf, string text)
    {
        var (type, field) = Find(leaf.Coordinate);
        var arguments = field.Arguments!.ToList();
        var definitions = string.Join(", ", arguments.Select(a => $"${a.Name}: {a.ResolvedType}"));
        var uses = string.Join(", ", arguments.Select(a => $"{a.Name}: ${a.Name}"));
        var variables = arguments.ToDictionary(a => a.Name, a => ToJson(Sample(a.ResolvedType!, a.Name, leaf.Path, text, 0)));
        return ($"{Operation(type)}({definitions}) {{ {field.Name}({uses}){Selection(field)} }}", variables);
    }

    /// <summary>The same request with every argument written into the document as a literal.</summary>
    public static string AsLiterals(TextLeaf leaf, string text)
    {
        var (type, field) = Find(leaf.Coordinate);
        var uses = string.Join(", ", field.Arguments!.Select(a => $"{a.Name}: {Literal(Sample(a.ResolvedType!, a.Name, leaf.Path, text, 0))}"));
        return $"{Operation(type)} {{ {field.Name}({uses}){Selection(field)} }}";
    }

    private static (IObjectGraphType Type, FieldType Field) Find(string coordinate) =>
        SchemaRoots.Fields().Single(x => $"{x.Type.Name}.{x.Field.Name}" == coordinate);

    private static string Operation(IObjectGraphType type) => type == SchemaRoots.Schema.Mutation ? "mutation" : "query";

    private static string Selection(FieldType field) =>
        field.ResolvedType!.GetNamedType() is IComplexGraphType or IAbstractGraphType ? " { __typename }" : "";

    private static IEnumerable<(string Path, string TypeName, bool Literal)> LeavesOf(IGraphType type, string path, int depth)
    {
        switch (type)
        {
            case NonNullGraphType nonNull:
                return LeavesOf(nonNull.ResolvedType!, path, depth);
            case ListGraphType list:
                return LeavesOf(list.ResolvedType!, $"{path}[0]", depth);
            case IInputObjectGraphType input when depth < MaxDepth:
                return input.Fields.SelectMany(f => LeavesOf(f.ResolvedType!, $"{path}.{f.Name}", depth + 1));
            case EnumerationGraphType enumeration:
                return [(path, enumeration.Name, false)];
            case ScalarGraphType scalar when Text(scalar.Name):
                return [(path, scalar.Name, true)];
            default:
                return [];
        }
    }

    /// <summary>Scalars a client sends as JSON strings.</summary>
    private static bool Text(string scalar) => scalar is "String" or "ID" or "DateOnly" or "DateTimeOffset";

    private static object? Sample(IGraphType type, string path, string target, string text, int depth)
    {
        if (path == target) return text;
        return type switch
        {
            NonNullGraphType nonNull => Sample(nonNull.ResolvedType!, path, target, text, depth),
            ListGraphType list => new List<object?> { Sample(list.ResolvedType!, $"{path}[0]", target, text, depth) },
            IInputObjectGraphType input when depth < MaxDepth =>
                input.Fields.ToDictionary(f => f.Name, f => Sample(f.ResolvedType!, $"{path}.{f.Name}", target, text, depth + 1)),
            IInputObjectGraphType => null,
            EnumerationGraphType enumeration => new EnumValue(enumeration.Values.First().Name),
            ScalarGraphType scalar => scalar.Name switch
            {
                "ID" => Guid.NewGuid().ToString(),
                "String" => "text",
                "Int" or "Long" => 1,
                "Float" or "Decimal" => 1.5m,
                "Boolean" => false,
                "DateOnly" => "2026-01-02",
                "DateTimeOffset" => "2026-01-02T03:04:05Z",
                _ => null,
            },
            _ => null,
        };
    }

    private static object? ToJson(object? value) => value switch
    {
        EnumValue e => e.Name,
        Dictionary<string, object?> fields => fields.ToDictionary(f => f.Key, f => ToJson(f.Value)),
        List<object?> items => items.Select(ToJson).ToList(),
        _ => value,
    };

    private static string Literal(object? value) => value switch
    {
        null => "null",
        EnumValue e => e.Name,
        string s => JsonSerializer.Serialize(s),
        bool b => b ? "true" : "false",
        int i => i.ToString(CultureInfo.InvariantCulture),
        decimal d => d.ToString(CultureInfo.InvariantCulture),
        Dictionary<string, object?> fields => "{ " + string.Join(", ", fields.Select(f => $"{f.Key}: {Literal(f.Value)}")) + " }",
        List<object?> items => "[" + string.Join(", ", items.Select(Literal)) + "]",
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, "No literal for this value."),
    };
}
