using Npgsql;
using RehabLedger.Infrastructure.Marten;

namespace RehabLedger.Benchmarks.Baselines;

/// <summary>
/// Tables shaped and indexed like Marten's <c>mt_events</c> and <c>mt_streams</c> (copied with <c>LIKE ... INCLUDING
/// ALL</c>: the same columns, primary key on the sequence, unique stream id and version), in a schema of their own,
/// for the physical-limit baselines. The sequence number comes from a sequence of its own, as Marten's does.
/// </summary>
public static class RawEventTable
{
    public const string Schema = "bench_raw";

    public static async Task<string> CreateEventsAsync(NpgsqlDataSource dataSource, string name)
    {
        var table = $"{Schema}.{name}";
        await ExecuteAsync(dataSource, $"""
            create schema if not exists {Schema};
            drop table if exists {table};
            drop sequence if exists {table}_seq;
            create table {table} (like {EventStoreSetup.SchemaName}.mt_events including all);
            create sequence {table}_seq;
            alter table {table} alter column seq_id set default nextval('{table}_seq');
            alter table {table} alter column timestamp set default now();
            """);
        return table;
    }

    public static async Task<string> CreateStreamsAsync(NpgsqlDataSource dataSource, string name)
    {
        var table = $"{Schema}.{name}";
        await ExecuteAsync(dataSource, $"""
            create schema if not exists {Schema};
            drop table if exists {table};
            create table {table} (like {EventStoreSetup.SchemaName}.mt_streams including all);
            """);
        return table;
    }

    /// <summary>An empty copy of one of the service's document tables, with its columns and indexes.</summary>
    public static async Task<string> CreateDocumentsLikeAsync(NpgsqlDataSource dataSource, string name, string documentTable)
    {
        var table = $"{Schema}.{name}";
        await ExecuteAsync(dataSource, $"""
            create schema if not exists {Schema};
            drop table if exists {table};
            create table {table} (like {EventStoreSetup.SchemaName}.{documentTable} including all);
            """);
        return table;
    }

    /// <summary>The baselines are dropped once measured, so they do not weigh on the phases after them.</summary>
    public static Task DropAsync(NpgsqlDataSource dataSource) => ExecuteAsync(dataSource, $"drop schema if exists {Schema} cascade");

    private static async Task ExecuteAsync(NpgsqlDataSource dataSource, string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Marten's default event type name: the class name in snake case.</summary>
    public static string EventTypeName(Type type) =>
        string.Concat(type.Name.Select((c, i) => char.IsUpper(c) && i > 0 ? $"_{char.ToLowerInvariant(c)}" : char.ToLowerInvariant(c).ToString()));
}
