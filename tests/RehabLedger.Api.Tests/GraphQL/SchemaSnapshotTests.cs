using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using RehabLedger.Tests.Support;

namespace RehabLedger.Tests.GraphQL;

/// <summary>
/// The committed SDL is the contract clients build against: any change to the running schema must show up
/// in review as a change of docs/schema.graphql. Run the tests with UPDATE_SCHEMA=1 to rewrite it.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class SchemaSnapshotTests(AppFixture fixture)
{
    private static readonly string SnapshotPath = Path.Combine(RepositoryRoot.Path, "docs", "schema.graphql");

    [Fact]
    public void the_running_schema_matches_the_committed_sdl()
    {
        var schema = fixture.Host.Services.GetRequiredService<ISchema>();
        var running = schema.Print().ReplaceLineEndings("\n").TrimEnd() + "\n";

        if (Environment.GetEnvironmentVariable("UPDATE_SCHEMA") == "1") File.WriteAllText(SnapshotPath, running);

        File.Exists(SnapshotPath).ShouldBeTrue($"{SnapshotPath} is missing; run the tests with UPDATE_SCHEMA=1 to create it.");
        var committed = File.ReadAllText(SnapshotPath).ReplaceLineEndings("\n");
        running.ShouldBe(committed, "The GraphQL schema changed: review the difference and run the tests with UPDATE_SCHEMA=1 to update docs/schema.graphql.");
    }
}
