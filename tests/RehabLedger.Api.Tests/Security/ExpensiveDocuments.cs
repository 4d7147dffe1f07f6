using System.Text;

namespace RehabLedger.Tests.Security;

/// <summary>
/// The worst documents known of each kind, each under 100 KB: those past a limit (refused) and those just within it
/// (answered or refused by validation), since the most expensive document a limit lets through is the one to price.
/// </summary>
public static class ExpensiveDocuments
{
    public const int MaxBytes = 100 * 1024;

    public sealed record Case(string Name, string Query, string? OperationName = null, string? VariablesJson = null)
    {
        public override string ToString() => Name;
    }

    public static IEnumerable<Case> All()
    {
        // Fragments that spread the next one twice: 2^levels fields from a document of about 40 bytes a level.
        yield return new("fragment bomb, 1 KB", FragmentBomb(levels: 24));
        yield return new("fragment bomb, just within the field limit", FragmentBomb(levels: 10));
        yield return new("fragment bomb spreading each fragment ten times", FragmentBomb(levels: 12, spreads: 10));
        yield return new("fragment cycles", "{ ...F0 } " + Join(400, i => $"fragment F{i} on Query {{ ...F{(i + 1) % 400} ...F{(i + 7) % 400} }} "));

        yield return new("one field repeated, 100 KB", "{ outcomeMeasures { " + Fill("code ") + "} }");
        yield return new("one field repeated, just within the field limit", "{ outcomeMeasures { " + Repeat("code ", 1_490) + "} }");
        yield return new("aliases of one field", "{ " + Join(740, i => $"a{i}: outcomeMeasures {{ code }} ") + "}");
        yield return new("one alias for conflicting fields", "{ " + Join(740, i => $"a: __type(name: \"T{i}\") {{ name }} ") + "}");
        yield return new("one alias for conflicting fields, brought by fragments",
            "{ " + Join(700, i => $"...F{i} ") + "} " + Join(700, i => $"fragment F{i} on Query {{ a: __type(name: \"T{i}\") {{ name }} }} "));
        yield return new("one alias for conflicting fields, within the limit", "{ " + Join(50, i => $"a: __type(name: \"T{i}\") {{ name }} ") + "}");
        yield return new("unknown fields, one error each", "{ " + Join(1_490, i => $"x{i} ") + "}");

        yield return new("unknown directives, 100 KB", "{ outcomeMeasures " + Fill("@a ", tail: 20) + "{ code } }");
        yield return new("unknown directives, within the limit", "{ outcomeMeasures " + Repeat("@a ", 199) + "{ code } }");
        yield return new("repeated known directives", "{ outcomeMeasures " + Repeat("@include(if: true) ", 199) + "{ code } }");

        yield return new("duplicate variables, 100 KB", "query(" + Fill("$a: Int ", tail: 40) + ") { outcomeMeasures { code } }");
        yield return new("duplicate variables, within the limit", "query(" + Repeat("$a: Int ", 100) + ") { outcomeMeasures { code } }");
        yield return new("duplicate arguments", "{ __type(" + Repeat("name: \"a\" ", 3_300) + ") { name } }");
        yield return new("duplicate fragments", "{ ...F } " + Repeat("fragment F on Query { __typename } ", 1_200));
        yield return new("many operations", Join(1_400, i => $"query q{i} {{ __typename }} "), OperationName: "q7");

        yield return new("nested lists in an argument", "{ __type(name: " + Repeat("[", 126) + "\"a\"" + Repeat("]", 126) + ") { name } }");
        yield return new("lists nested past the parser's depth", "{ __type(name: " + Repeat("[", 40_000) + Repeat("]", 40_000) + ") { name } }");
        yield return new("selections nested past the parser's depth", Repeat("{ a ", 20_000) + Repeat("}", 20_000));
        yield return new("a long list in an argument", "{ __type(name: [" + Repeat("1 ", 9_990) + "]) { name } }");
        yield return new("a long string", "{ __type(name: \"" + new string('x', 60_000) + "\") { name } }");
        yield return new("a long block string", "{ __type(name: \"\"\"" + Repeat("x\n", 30_000) + "\"\"\") { name } }");
        yield return new("comments", "{ outcomeMeasures { code } }\n" + Fill("#\n"));
        yield return new("deeply nested variables", "query($v: String) { __type(name: $v) { name } }",
            VariablesJson: "{\"v\":" + Repeat("[", 30_000) + Repeat("]", 30_000) + "}");
        yield return new("many variables in the body", "query($v: String) { __type(name: $v) { name } }",
            VariablesJson: "{" + Join(8_000, i => $"\"v{i}\":\"x\",") + "\"v\":\"a\"}");
    }

    private static string FragmentBomb(int levels, int spreads = 2)
    {
        var document = new StringBuilder("{ ...F0 } ");
        for (var i = 0; i < levels; i++)
            document.Append($"fragment F{i} on Query {{ {Repeat($"...F{i + 1} ", spreads)}}} ");
        return document.Append($"fragment F{levels} on Query {{ __typename }}").ToString();
    }

    private static string Repeat(string text, int times) => new StringBuilder(text.Length * times).Insert(0, text, times).ToString();

    private static string Join(int count, Func<int, string> item) => string.Concat(Enumerable.Range(0, count).Select(item));

    // As many copies as fit under 100 KB, leaving room for the rest of the document.
    private static string Fill(string text, int tail = 40) => Repeat(text, (MaxBytes - tail) / text.Length - 1);
}
