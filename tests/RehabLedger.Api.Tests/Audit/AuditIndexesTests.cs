using Marten;
using Npgsql;
using RehabLedger.Audit;
using RehabLedger.Tests.Support;

namespace RehabLedger.Tests.Audit;

/// <summary>The indexes come with the schema, survive Marten's own migrations, and are the ones the audit queries use.</summary>
public sealed class AuditIndexesTests(AppFixture fixture) : AppScenario(fixture)
{
    private static readonly string[] Expected =
        [.. AuditIndexes.All.Select(x => x.Name), "idx_mt_events_event_type_seq_id", "pk_mt_events_stream_and_version"];

    private string Schema => Fixture.Store.Options.Events.DatabaseSchemaName;

    private async Task<List<string>> IndexesOnEvents()
    {
        await using var connection = (NpgsqlConnection)Fixture.Store.Storage.Database.CreateConnection();
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select indexname from pg_indexes where schemaname = $1 and tablename = 'mt_events'", connection)
        {
            Parameters = { new() { Value = Schema } },
        };
        var names = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) names.Add(reader.GetString(0));
        return names;
    }

    [Fact]
    public async Task the_audit_indexes_are_created_with_the_schema()
    {
        Expected.ShouldBeSubsetOf(await IndexesOnEvents());
    }

    [Fact]
    public async Task applying_the_configuration_again_keeps_them_and_finds_nothing_to_change()
    {
        await Fixture.Store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();

        Expected.ShouldBeSubsetOf(await IndexesOnEvents());
        await Fixture.Store.Storage.Database.AssertDatabaseMatchesConfigurationAsync();
    }

    /// <summary>
    /// Sequential scans are priced out, as they would be on a large store, to see which index the planner picks.
    /// The values match nothing, so whatever statistics earlier tests left, the filter is the selective part.
    /// </summary>
    private async Task<string> Plan(NpgsqlCommand query)
    {
        await using var connection = (NpgsqlConnection)Fixture.Store.Storage.Database.CreateConnection();
        await connection.OpenAsync();
        await using (var off = new NpgsqlCommand("set enable_seqscan = off", connection)) await off.ExecuteNonQueryAsync();
        query.CommandText = "explain " + query.CommandText;
        query.Connection = connection;
        var lines = new List<string>();
        await using var reader = await query.ExecuteReaderAsync();
        while (await reader.ReadAsync()) lines.Add(reader.GetString(0));
        return string.Join("\n", lines);
    }

    private static AuditQuery Query(string? actor = null, string[]? types = null, DateTimeOffset? from = null, Guid[]? streams = null) =>
        new(null, actor, streams, types, from, null);

    [Fact]
    public async Task each_filter_is_served_by_its_index()
    {
        var events = Ledger.Table(Schema);
        (await Plan(Ledger.TrailCommand(events, Query(actor: "plan-probe"), 21))).ShouldContain("idx_audit_events_user_name_seq");
        (await Plan(Ledger.TrailCommand(events, Query(types: ["plan_probe"]), 21))).ShouldContain("idx_mt_events_event_type_seq_id");
        (await Plan(Ledger.TrailCommand(events, Query(from: DateTimeOffset.UtcNow), 21))).ShouldContain("idx_audit_events_timestamp");
        // Any index led by stream_id serves a set of streams.
        (await Plan(Ledger.TrailCommand(events, Query(streams: [Guid.NewGuid()]), 21)))
            .ShouldMatch("Index Scan using (pk_mt_events_stream_and_version|idx_audit_events_stream_timestamp)");
        (await Plan(Ledger.VersionAtCommand(events, Guid.NewGuid(), DateTimeOffset.UtcNow))).ShouldContain("idx_audit_events_stream_timestamp");
    }
}
