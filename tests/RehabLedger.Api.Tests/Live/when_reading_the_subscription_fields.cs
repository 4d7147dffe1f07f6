using GraphQL;
using GraphQL.Types;
using RehabLedger.GraphQL.Cost;
using RehabLedger.Security;
using RehabLedger.Tests.Security;

namespace RehabLedger.Tests.Live;

/// <summary>The subscription root is held to what every Query and Mutation field is: a policy and a declared price.</summary>
public sealed class when_reading_the_subscription_fields
{
    private static IEnumerable<FieldType> Fields => SchemaRoots.Schema.Subscription!.Fields;

    [Fact]
    public void every_field_is_a_stream_with_a_policy_of_the_query_over_the_same_data()
    {
        Fields.Select(f => f.Name).ShouldBe(["episodeChanges", "caseloadChanges", "auditTrail"], ignoreOrder: true);
        Fields.ShouldAllBe(f => f.StreamResolver != null);
        Fields.Single(f => f.Name == "auditTrail").GetPolicies().ShouldBe([Policies.ReadAuditTrail]);
        Fields.Where(f => f.Name != "auditTrail").ShouldAllBe(f => f.GetPolicies()!.SequenceEqual(new[] { Policies.ReadClinic }));
    }

    [Fact]
    public void every_field_declares_its_price()
    {
        Fields.ShouldAllBe(f => FieldCost.PriceOf(f) == FieldCost.StreamFold);
    }
}
