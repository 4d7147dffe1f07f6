using System.Globalization;
using System.Text;
using System.Text.Json;
using GraphQL.Types;

namespace RehabLedger.Tests.GraphQL.Http;

/// <summary>One fuzzed request: how it travels and what it carries.</summary>
public sealed record FuzzedRequest(string Method, string Url, byte[]? Body, string? ContentType, string? Accept, string Description);

/// <summary>
/// Random GraphQL requests built from the running schema: real root fields (queries and mutations), their arguments as
/// literals or variables, nested selections with aliases, directives, inline and named fragments; values of every
/// input type, right and wrong; then, for some, a corrupted document, a corrupted body or a hand-broken URL. The same
/// seed gives the same requests.
/// </summary>
public sealed class RequestFuzzer(ISchema schema, int seed, IReadOnlyList<Guid> knownIds)
{
    private readonly Random _random = new(seed);
    private int _names;

    private static readonly string[] Strings =
    [
        "", "x", "Rivera", "  padded  ", "é漢字🙂", "line\nbreak", "tab\there", "\u0001\u001f", "quote\"back\\slash",
        "'; DROP TABLE mt_events; --", "<script>alert(1)</script>", "{{7*7}}", "%s%n", "\u202Eright-to-left",
        new string('x', 201), new string('y', 4001), "2026-03-18", "2026-02-30", "P1D", "NaN", "-0", "true", "null",
    ];

    private static readonly string[] Accepts =
        ["application/graphql-response+json", "application/json", "*/*", "text/html", "application/json;q=0", "application/graphql-response+json;charset=latin1", ""];

    public FuzzedRequest Next()
    {
        var (document, variables, operationName) = Document();
        var roll = _random.NextDouble();
        if (roll < 0.1) document = Corrupt(document);

        var accept = _random.NextDouble() < 0.92 ? "application/graphql-response+json" : Pick(Accepts);
        if (_random.NextDouble() < 0.15)
            return Get(document, variables, operationName, accept);

        var body = Body(document, variables, operationName);
        var contentType = _random.NextDouble() < 0.97 ? "application/json" : Pick(["text/plain", "application/json; charset=latin1", "application/graphql", ""]);
        var bytes = Encoding.UTF8.GetBytes(body);
        var description = "POST " + Shorten(body);
        if (_random.NextDouble() < 0.08)
        {
            bytes = CorruptBytes(bytes);
            description = "POST (corrupted) " + Shorten(Encoding.UTF8.GetString(bytes));
        }

        return new FuzzedRequest("POST", "/graphql", bytes, contentType.Length == 0 ? null : contentType, accept, description);
    }

    private FuzzedRequest Get(string document, string? variables, string? operationName, string accept)
    {
        var url = new StringBuilder("/graphql?query=").Append(Uri.EscapeDataString(document));
        if (variables is not null) url.Append("&variables=").Append(Uri.EscapeDataString(variables));
        if (operationName is not null) url.Append("&operationName=").Append(Uri.EscapeDataString(operationName));
        var text = url.ToString();
        if (_random.NextDouble() < 0.4)
        {
            // Broken percent-encoding, encoded bytes that are not UTF-8, an encoded lone surrogate, a repeated parameter.
            var junk = Pick(["%", "%G1", "%FF", "%ED%A0%80", "%C0%AF", "%00", "&query=x", "&variables=%7B%22a%22%3A%22%5CuD800%22%7D", "&extensions=[1]", "+%2B"]);
            var at = _random.Next("/graphql?".Length, text.Length + 1);
            text = text[..at] + junk + text[at..];
        }

        return new FuzzedRequest("GET", text, null, null, accept, "GET " + Shorten(text));
    }

    private string Body(string document, string? variables, string? operationName)
    {
        var body = new StringBuilder("{\"query\":").Append(JsonSerializer.Serialize(document));
        if (variables is not null) body.Append(",\"variables\":").Append(variables);
        if (operationName is not null) body.Append(",\"operationName\":").Append(JsonSerializer.Serialize(operationName));
        if (_random.NextDouble() < 0.05) body.Append(",\"extensions\":").Append(Pick(["{}", "null", "[]", "{\"persistedQuery\":{\"version\":1,\"sha256Hash\":\"00\"}}"]));
        return body.Append('}').ToString();
    }

    private (string Document, string? Variables, string? OperationName) Document()
    {
        var mutation = _random.NextDouble() < 0.35 && schema.Mutation is not null;
        var root = mutation ? schema.Mutation! : schema.Query;
        var variables = new List<(string Name, string Type, object? Value)>();
        var fragments = new List<string>();
        var selections = Enumerable.Range(0, 1 + _random.Next(mutation ? 1 : 3))
            .Select(_ => Field(root, PickField(root), depth: 0, variables, fragments))
            .ToList();

        var operationName = _random.NextDouble() < 0.3 ? "Op" + _random.Next(3) : null;
        var head = new StringBuilder(mutation ? "mutation" : "query");
        if (operationName is not null) head.Append(' ').Append(operationName);
        if (variables.Count > 0)
            head.Append('(').AppendJoin(", ", variables.Select(v => $"${v.Name}: {v.Type}")).Append(')');

        var document = $"{head} {{ {string.Join(" ", selections)} }} {string.Join(" ", fragments)}";
        if (_random.NextDouble() < 0.05) document += " query Other { __typename }";

        string? variablesJson = null;
        if (variables.Count > 0 || _random.NextDouble() < 0.1)
        {
            variablesJson = _random.NextDouble() < 0.05
                ? Pick(["[]", "\"x\"", "1", "null", "{\"a\":" + new string('[', 70) + new string(']', 70) + "}", "{\"v\":\"\\uD800\"}"])
                : Json(variables.Where(_ => _random.NextDouble() < 0.99).ToDictionary(v => v.Name, v => v.Value));
        }

        return (document, variablesJson, operationName);
    }

    private FieldType PickField(IComplexGraphType type) => type.Fields.ElementAt(_random.Next(type.Fields.Count));

    private string Field(IComplexGraphType parent, FieldType field, int depth, List<(string, string, object?)> variables, List<string> fragments)
    {
        var text = new StringBuilder();
        if (_random.NextDouble() < 0.15) text.Append("a").Append(_names++).Append(": ");
        text.Append(field.Name);

        var arguments = (field.Arguments ?? [])
            .Where(a => a.ResolvedType is NonNullGraphType ? _random.NextDouble() < 0.99 : _random.NextDouble() < 0.5)
            .Select(a => $"{a.Name}: {ArgumentValue(a.ResolvedType!, variables)}")
            .ToList();
        if (_random.NextDouble() < 0.03) arguments.Add("unknownArgument: 1");
        if (arguments.Count > 0) text.Append('(').AppendJoin(", ", arguments).Append(')');

        if (_random.NextDouble() < 0.05) text.Append(Pick([" @include(if: true)", " @skip(if: false)", " @deprecated", " @unknown"]));

        if (Unwrap(field.ResolvedType!) is IComplexGraphType complex)
            text.Append(' ').Append(SelectionSet(complex, depth + 1, variables, fragments));
        else if (Unwrap(field.ResolvedType!) is UnionGraphType union)
            text.Append(" { __typename ").AppendJoin(" ", union.PossibleTypes.Take(2).Select(t => $"... on {t.Name} {{ __typename }}")).Append(" }");
        else if (_random.NextDouble() < 0.02)
            text.Append(" { id }");
        return text.ToString();
    }

    private string SelectionSet(IComplexGraphType type, int depth, List<(string, string, object?)> variables, List<string> fragments)
    {
        if (depth > 4 || type.Fields.Count == 0) return "{ __typename }";
        var chosen = Enumerable.Range(0, 1 + _random.Next(4))
            .Select(_ => PickField(type))
            .Where(f => depth < 3 || Unwrap(f.ResolvedType!) is not IComplexGraphType)
            .DistinctBy(f => f.Name)
            .Select(f => Field(type, f, depth, variables, fragments))
            .DefaultIfEmpty("__typename")
            .ToList();
        var body = string.Join(" ", chosen);
        var roll = _random.NextDouble();
        if (roll < 0.1)
        {
            var name = "F" + _names++;
            fragments.Add($"fragment {name} on {type.Name} {{ {body} }}");
            return $"{{ ...{name} }}";
        }

        return roll < 0.2 ? $"{{ ... on {type.Name} {{ {body} }} }}" : $"{{ {body} }}";
    }

    private string ArgumentValue(IGraphType type, List<(string, string, object?)> variables)
    {
        if (_random.NextDouble() < 0.3)
        {
            var name = "v" + _names++;
            variables.Add((name, TypeName(type), Value(type, depth: 0)));
            return "$" + name;
        }

        return Literal(Value(type, depth: 0));
    }

    // A value for the type: usually a right one, sometimes of the wrong kind, out of range, or null where none is allowed.
    private object? Value(IGraphType type, int depth)
    {
        if (_random.NextDouble() < 0.01) return Pick<object?>([null, "wrong", 3, new List<object?>(), new Dictionary<string, object?>()]);
        switch (type)
        {
            case NonNullGraphType nonNull:
                return Value(nonNull.ResolvedType!, depth);
            case ListGraphType list:
                return Enumerable.Range(0, _random.Next(depth > 2 ? 1 : 4)).Select(_ => Value(list.ResolvedType!, depth + 1)).ToList();
            case EnumerationGraphType enumeration:
                return new EnumValue(_random.NextDouble() < 0.9 ? enumeration.Values.ElementAt(_random.Next(enumeration.Values.Count)).Name : "NOT_A_VALUE");
            case IInputObjectGraphType input:
                return input.Fields
                    .Where(f => f.ResolvedType is NonNullGraphType ? _random.NextDouble() < 0.99 : _random.NextDouble() < 0.5)
                    .ToDictionary(f => f.Name, f => Value(f.ResolvedType!, depth + 1));
            default:
                return Scalar(type.Name);
        }
    }

    // Mostly values of the right kind, so that most documents pass validation and reach the resolvers.
    private object? Scalar(string name) => _random.NextDouble() < 0.85 ? ValidScalar(name) : HostileScalar(name);

    private object? ValidScalar(string name) => name switch
    {
        "ID" => Pick(knownIds).ToString(),
        "Int" => Pick<object>([0, 1, 5, 20, 100]),
        "Long" => Pick<object>([0L, 1L, 2L, 3L]),
        "Float" or "Decimal" => Pick<object>([0.0, 1.5, 7.25, 10]),
        "Boolean" => Pick<object>([true, false]),
        "DateOnly" => Pick(["2026-03-18", "2026-03-01", "2026-03-17"]),
        "DateTimeOffset" => Pick(["2026-03-18T14:30:00Z", "2026-03-18T10:00:00+02:00"]),
        _ => Pick(["Rivera", "x", "aetna", "é漢字🙂", "line\nbreak"]),
    };

    private object? HostileScalar(string name) => name switch
    {
        "ID" => _random.NextDouble() < 0.7 ? Pick(knownIds).ToString() : Pick(["", "not-a-guid", RandomGuid().ToString(), Guid.Empty.ToString(), "0190a000-0000-7000-8000-00000000000G"]),
        "Int" => Pick<object>([0, 1, -1, 5, 20, 100, 101, int.MaxValue, int.MinValue, 1e20, 2.5]),
        "Long" => Pick<object>([0L, 1L, 2L, 7L, -1L, long.MaxValue, 1e30]),
        "Float" or "Decimal" => Pick<object>([0.0, 1.5, -3.25, 10, 1e300, -1e-300, 123456789.123456789]),
        "Boolean" => Pick<object>([true, false, "true", 1]),
        "DateOnly" => Pick(["2026-03-18", "2026-03-01", "2025-12-31", "2026-02-30", "18/03/2026", "2026-03-18T10:00:00Z", "9999-12-31", "0001-01-01"]),
        "DateTimeOffset" => Pick(["2026-03-18T14:30:00Z", "2026-03-18T14:30:00+02:00", "2026-03-18", "not a time", "9999-12-31T23:59:59Z"]),
        _ => Pick(Strings),
    };

    private static string TypeName(IGraphType type) => type switch
    {
        NonNullGraphType nonNull => TypeName(nonNull.ResolvedType!) + "!",
        ListGraphType list => "[" + TypeName(list.ResolvedType!) + "]",
        _ => type.Name,
    };

    private static IGraphType Unwrap(IGraphType type) => type switch
    {
        NonNullGraphType nonNull => Unwrap(nonNull.ResolvedType!),
        ListGraphType list => Unwrap(list.ResolvedType!),
        _ => type,
    };

    private sealed record EnumValue(string Name);

    private static string Literal(object? value) => value switch
    {
        null => "null",
        EnumValue e => e.Name,
        string s => JsonSerializer.Serialize(s),
        bool b => b ? "true" : "false",
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        List<object?> list => "[" + string.Join(", ", list.Select(Literal)) + "]",
        Dictionary<string, object?> fields => "{" + string.Join(", ", fields.Select(f => $"{f.Key}: {Literal(f.Value)}")) + "}",
        _ => value.ToString()!,
    };

    private static string Json(object? value) => value switch
    {
        EnumValue e => JsonSerializer.Serialize(e.Name),
        List<object?> list => "[" + string.Join(",", list.Select(Json)) + "]",
        Dictionary<string, object?> fields => "{" + string.Join(",", fields.Select(f => $"{JsonSerializer.Serialize(f.Key)}:{Json(f.Value)}")) + "}",
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        _ => JsonSerializer.Serialize(value),
    };

    // Character-level damage to the document: a cut, a deletion, a doubled piece, a stray or hostile character.
    private string Corrupt(string document)
    {
        var at = _random.Next(document.Length + 1);
        return _random.Next(6) switch
        {
            0 => document[..at],
            1 => document.Remove(at, Math.Min(_random.Next(1, 10), document.Length - at)),
            2 => document.Insert(at, document[..Math.Min(at, 40)]),
            3 => document.Insert(at, Pick(["{", "}", "(", "\"", "$", "...", "@", "#", "\\u0000", "\0", "\uD800", "\u00A0", "\"\"\"", "[[[[[[", "1e99999"])),
            4 => document.Insert(at, string.Concat(Enumerable.Repeat("{ a ", 200))),
            _ => document.Replace(" ", Pick(["", ",", "\t", "\r\n", "\u2028"])),
        };
    }

    // Byte-level damage to the body: bytes that are not UTF-8, escapes of lone surrogates, cuts, stray structure.
    private byte[] CorruptBytes(byte[] body)
    {
        var at = _random.Next(body.Length + 1);
        byte[] insert = _random.Next(6) switch
        {
            0 => [0xFF],
            1 => [0xC3],
            2 => [0xED, 0xA0, 0x80],
            3 => Encoding.UTF8.GetBytes("\\uD800"),
            4 => Encoding.UTF8.GetBytes(Pick(["\"", "{", "}", ",", ":", "\\", "\\u00", "1e400", "]"])),
            _ => [],
        };
        var cut = _random.NextDouble() < 0.2 ? _random.Next(0, body.Length - at + 1) : 0;
        return [.. body[..at], .. insert, .. body[(at + cut)..]];
    }

    private Guid RandomGuid()
    {
        var bytes = new byte[16];
        _random.NextBytes(bytes);
        return new Guid(bytes);
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + $"… ({text.Length} chars)";
}
