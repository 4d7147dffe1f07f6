using GraphQL;
using GraphQL.Types;
using RehabLedger.Security;

namespace RehabLedger.Tests.Security;

/// <summary>
/// The schema itself is checked: an operation nobody thought about cannot be left open, a policy cannot be misspelt,
/// and no nested field can be used to look a record up by id, so nested fields only follow references.
/// </summary>
public sealed class AuthorizationSchemaTests
{
    public static IEnumerable<object[]> RootFields() => SchemaRoots.Coordinates().Select(c => new object[] { c });

    private static FieldType Field(string coordinate) =>
        SchemaRoots.Fields().Single(x => $"{x.Type.Name}.{x.Field.Name}" == coordinate).Field;

    [Theory]
    [MemberData(nameof(RootFields))]
    public void every_root_field_names_a_policy_or_allows_anonymous_use_explicitly(string coordinate)
    {
        var field = Field(coordinate);
        var declared = field.IsAnonymousAllowed() || field.GetPolicies() is { Count: > 0 } || field.GetRoles() is { Count: > 0 };
        declared.ShouldBeTrue($"{coordinate} has no AuthorizeWithPolicy, AuthorizeWithRoles or AllowAnonymous: say who may use it.");
    }

    [Fact]
    public void only_the_outcome_measure_catalog_is_open_to_anonymous_callers()
    {
        SchemaRoots.Fields().Where(x => x.Field.IsAnonymousAllowed()).Select(x => x.Field.Name).ShouldBe(["outcomeMeasures"]);
    }

    [Fact]
    public void every_policy_the_schema_names_is_defined_with_roles_that_exist()
    {
        var named = SchemaRoots.Schema.AllTypes.OfType<IComplexGraphType>()
            .SelectMany(t => t.Fields.SelectMany(f => f.GetPolicies() ?? []).Concat(t.GetPolicies() ?? []))
            .Distinct().ToList();
        named.ShouldNotBeEmpty();
        named.ShouldAllBe(p => Policies.Roles.ContainsKey(p));
        Policies.Roles.Values.SelectMany(r => r).ShouldAllBe(r => Roles.All.Contains(r));
    }

    [Fact]
    public void the_clinic_record_types_require_clinic_access_wherever_they_are_reached()
    {
        foreach (var name in new[] { "Clinic", "Therapist", "Patient", "Episode", "CaseloadEntry" })
            SchemaRoots.Schema.AllTypes[name]!.GetPolicies().ShouldBe([Policies.ReadClinic], name);
    }

    [Fact]
    public void no_nested_field_looks_a_record_up_by_id()
    {
        var lookups = SchemaRoots.Schema.AllTypes.OfType<IObjectGraphType>()
            .Where(t => t != SchemaRoots.Schema.Query && t != SchemaRoots.Schema.Mutation && t != SchemaRoots.Schema.Subscription && !t.Name.StartsWith("__"))
            .SelectMany(t => t.Fields.SelectMany(f => (f.Arguments ?? []).Select(a => (Type: t.Name, Field: f.Name, Argument: a))))
            .Where(x => x.Argument.ResolvedType!.GetNamedType() is IdGraphType)
            .Select(x => $"{x.Type}.{x.Field}({x.Argument.Name})")
            .ToList();
        lookups.ShouldBeEmpty("a nested field taking an id could reach a record of another clinic; give it a root field with its own check");
    }
}
