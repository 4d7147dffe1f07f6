using System.Text.RegularExpressions;
using GraphQL;
using GraphQL.Instrumentation;
using GraphQL.SystemTextJson;
using GraphQL.Validation;
using GraphQLParser.AST;
using RehabLedger.GraphQL;
using RehabLedger.GraphQL.Cost;
using RehabLedger.Tests.Support;

namespace RehabLedger.Tests.Security;

/// <summary>
/// The prices and caps refuse abuse, not the documents real clients send: every GraphQL example in the README and docs/ and
/// every query the benchmark sends is within the default limits, costed with the variables the text gives it.
/// </summary>
public sealed partial class when_costing_the_documents_clients_send
{
    public static TheoryData<string, string, string?> Documents()
    {
        var data = new TheoryData<string, string, string?>();
        foreach (var file in new[] { "README.md" }.Concat(Directory.GetFiles(Path.Combine(RepositoryRoot.Path, "docs"), "*.md")
                     .Select(f => Path.GetRelativePath(RepositoryRoot.Path, f)).Order()))
        {
            var text = File.ReadAllText(Path.Combine(RepositoryRoot.Path, file));
            var blocks = FencedBlock().Matches(text).ToList();
            for (var i = 0; i < blocks.Count; i++)
            {
                if (blocks[i].Groups["lang"].Value != "graphql") continue;
                // The variables an example gives are the JSON block that follows it, before the next example.
                var variables = blocks.Skip(i + 1).TakeWhile(b => b.Groups["lang"].Value != "graphql")
                    .FirstOrDefault(b => b.Groups["lang"].Value == "json")?.Groups["body"].Value;
                data.Add($"{file} example {i + 1}", blocks[i].Groups["body"].Value, variables);
            }
        }

        var phases = Path.Combine(RepositoryRoot.Path, "tests", "RehabLedger.Benchmarks", "Phases");
        foreach (Match literal in RawLiteral().Matches(File.ReadAllText(Path.Combine(phases, "DashboardQueries.cs"))))
            data.Add("benchmark dashboard", literal.Groups["body"].Value, null);
        var timeTravel = RawLiteral().Matches(File.ReadAllText(Path.Combine(phases, "TimeTravelPhase.cs")))
            .Select(m => m.Groups["body"].Value).Single(b => b.Contains("programAsOf"));
        data.Add("benchmark time travel", timeTravel.Replace("{{idType}}", "ID!").Replace("{{versionType}}", "Long"), null);
        return data;
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public async Task it_is_within_the_limits(string source, string document, string? variables)
    {
        var parsed = GraphQLParser.Parser.Parse(document);
        foreach (var operation in parsed.Definitions.OfType<GraphQLOperationDefinition>())
        {
            var result = await new DocumentValidator().ValidateAsync(new ValidationOptions
            {
                Schema = SchemaRoots.Schema,
                Document = parsed,
                Operation = operation,
                Rules = [new CostRule(new GraphQLLimits())],
                Variables = Variables(operation, variables),
                UserContext = new Dictionary<string, object?>(),
                Metrics = Metrics.None,
                Extensions = Inputs.Empty,
            });
            result.Errors.Select(e => e.Message).ShouldBeEmpty(source);
        }
    }

    [Fact]
    public void the_examples_are_found() => Documents().Count.ShouldBeGreaterThan(15);

    /// <summary>The variables the text gives, and for scalars it leaves out a value of their type (the cost depends on none).</summary>
    private static Inputs Variables(GraphQLOperationDefinition operation, string? json)
    {
        var given = json is null ? new Dictionary<string, object?>() : new Dictionary<string, object?>(new GraphQLSerializer().Deserialize<Inputs>(json)!);
        foreach (var definition in operation.Variables?.Items ?? [])
        {
            var name = definition.Variable.Name.StringValue;
            if (given.ContainsKey(name) || definition.DefaultValue is not null || definition.Type is not GraphQLNonNullType { Type: GraphQLNamedType type })
                continue;
            if (type.Name.StringValue is "ID" or "String") given[name] = Guid.NewGuid().ToString();
            else if (type.Name.StringValue is "Int" or "Long") given[name] = 1;
        }
        return new Inputs(given);
    }

    [GeneratedRegex("^```(?<lang>\\w*)\\n(?<body>.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex FencedBlock();

    [GeneratedRegex("\"\"\"\\s*\\n(?<body>.*?)\"\"\"", RegexOptions.Singleline)]
    private static partial Regex RawLiteral();
}
