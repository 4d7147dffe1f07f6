using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using RehabLedger.GraphQL;

namespace RehabLedger.Tests.Security;

/// <summary>The schema as the service builds it, without a host, so theory data can be generated from it.</summary>
public static class SchemaRoots
{
    private static readonly Lazy<ISchema> Built = new(() =>
    {
        var services = new ServiceCollection();
        services.AddGraphQL(b => b.AddSchema<RehabLedgerSchema>().AddGraphTypes(typeof(RehabLedgerSchema).Assembly));
        var schema = services.BuildServiceProvider().GetRequiredService<ISchema>();
        schema.Initialize();
        return schema;
    });

    public static ISchema Schema => Built.Value;

    /// <summary>Every field of Query and Mutation, as <c>Query.episode</c>.</summary>
    public static IEnumerable<(IObjectGraphType Type, FieldType Field)> Fields() =>
        new[] { Schema.Query, Schema.Mutation }.OfType<IObjectGraphType>().SelectMany(t => t.Fields.Select(f => (t, f)));

    public static IEnumerable<string> Coordinates() => Fields().Select(x => $"{x.Type.Name}.{x.Field.Name}");
}
