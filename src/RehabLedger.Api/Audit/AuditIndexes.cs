using System.Data.Common;
using JasperFx.Events;
using Marten;
using Weasel.Core;
using Weasel.Core.Migrations;
using Weasel.Postgresql;
using DbCommandBuilder = Weasel.Core.DbCommandBuilder;

namespace RehabLedger.Audit;

/// <summary>
/// The indexes on Marten's <c>mt_events</c> that keep the audit queries fast on a large store. Registered as a
/// storage feature, so the same schema migration that creates the events table creates them (features added with
/// <c>StoreOptions.Storage.Add</c> are applied after Marten's own tables). Marten is told to ignore them when it
/// compares <c>mt_events</c> with its configuration, or it would drop them as unknown.
/// </summary>
public sealed class AuditIndexes(StoreOptions options) : FeatureSchemaBase("AuditIndexes", options.Advanced.Migrator)
{
    /// <summary>Name and key columns of each index.</summary>
    public static readonly IReadOnlyList<(string Name, string Columns)> All =
    [
        // The actor filter, newest first: one range of the index, already in page order.
        ("idx_audit_events_user_name_seq", "user_name, seq_id"),
        // The from/to filter.
        ("idx_audit_events_timestamp", "\"timestamp\""),
        // The recorded time to version lookup of programAsOf, read backwards in exactly its order.
        ("idx_audit_events_stream_timestamp", "stream_id, \"timestamp\", version"),
    ];

    public override IEnumerable<Type> DependentTypes() => [typeof(IEvent)];

    protected override IEnumerable<ISchemaObject> schemaObjects() =>
        All.Select(x => new EventsTableIndex(options.Events.DatabaseSchemaName, x.Name, x.Columns));
}

/// <summary>
/// One b-tree index on <c>mt_events</c>, compared with the database by the definition PostgreSQL reports for it.
/// Weasel models indexes only as part of a table, and the events table belongs to Marten.
/// </summary>
public sealed class EventsTableIndex(string schema, string name, string columns) : ISchemaObject
{
    public DbObjectName Identifier { get; } = new PostgresqlObjectName(schema, name, SchemaUtils.IdentifierUsage.General);

    /// <summary>As <c>pg_indexes.indexdef</c> spells it, so an unchanged index compares equal.</summary>
    private string Definition => $"CREATE INDEX {name} ON {schema}.mt_events USING btree ({columns})";

    public void WriteCreateStatement(Migrator migrator, TextWriter writer) =>
        writer.WriteLine($"CREATE INDEX IF NOT EXISTS {name} ON {schema}.mt_events USING btree ({columns});");

    public void WriteDropStatement(Migrator rules, TextWriter writer) =>
        writer.WriteLine($"DROP INDEX IF EXISTS {schema}.{name};");

    public void ConfigureQueryCommand(DbCommandBuilder builder)
    {
        builder.Append("select indexdef from pg_indexes where schemaname = ");
        builder.AppendParameter(schema);
        builder.Append(" and indexname = ");
        builder.AppendParameter(name);
        builder.Append(";");
    }

    public async Task<ISchemaObjectDelta> CreateDeltaAsync(DbDataReader reader, CancellationToken ct = default)
    {
        if (!await reader.ReadAsync(ct)) return new SchemaObjectDelta(this, SchemaPatchDifference.Create);
        var actual = reader.GetString(0);
        return new SchemaObjectDelta(this, actual == Definition ? SchemaPatchDifference.None : SchemaPatchDifference.Update);
    }

    public IEnumerable<DbObjectName> AllNames()
    {
        yield return Identifier;
    }
}
