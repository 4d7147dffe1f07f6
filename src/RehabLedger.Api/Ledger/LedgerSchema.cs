using System.Data.Common;
using JasperFx.Events;
using Marten;
using Weasel.Core;
using Weasel.Core.Migrations;
using Weasel.Postgresql;
using DbCommandBuilder = Weasel.Core.DbCommandBuilder;

namespace RehabLedger.MerkleLog;

/// <summary>
/// The log's tables and the guard on them and on <c>mt_events</c>, as a Marten storage feature: the migration that
/// creates the events table creates these right after it, before the async daemon (which fills them) starts.
/// </summary>
public sealed class LedgerSchema(StoreOptions options) : FeatureSchemaBase("Ledger", options.Advanced.Migrator)
{
    public override IEnumerable<Type> DependentTypes() => [typeof(IEvent)];

    protected override IEnumerable<ISchemaObject> schemaObjects() => [new LedgerTables(options.Events.DatabaseSchemaName)];
}

/// <summary>
/// <c>ledger_leaves</c> (one row per event in the log: its position, its sequence, its leaf hash),
/// <c>ledger_nodes</c> (every complete subtree above the leaves) and <c>ledger_heads</c> (the signed heads), and the
/// triggers that refuse UPDATE, DELETE and TRUNCATE on these three and on <c>mt_events</c> whoever asks. Written as
/// one idempotent script, compared with the database by the names it creates.
/// </summary>
public sealed class LedgerTables(string schema) : ISchemaObject
{
    public const string Leaves = "ledger_leaves";
    public const string Nodes = "ledger_nodes";
    public const string Heads = "ledger_heads";
    public const string GuardFunction = "ledger_refuse_rewrite";
    public const string RowTrigger = "ledger_refuse_rewrite";
    public const string TruncateTrigger = "ledger_refuse_truncate";

    /// <summary>The tables no one may rewrite: the events and the log over them.</summary>
    public static readonly string[] Guarded = ["mt_events", Leaves, Nodes, Heads];

    public DbObjectName Identifier { get; } = new PostgresqlObjectName(schema, Heads, SchemaUtils.IdentifierUsage.General);

    public void WriteCreateStatement(Migrator migrator, TextWriter writer)
    {
        writer.WriteLine($"""
            create table if not exists {schema}.{Leaves} (
                idx bigint primary key,
                seq_id bigint not null unique,
                leaf_hash bytea not null);
            create table if not exists {schema}.{Nodes} (
                level int not null,
                idx bigint not null,
                hash bytea not null,
                primary key (level, idx));
            create table if not exists {schema}.{Heads} (
                tree_size bigint primary key,
                root_hash bytea not null,
                last_sequence bigint not null,
                signed_at timestamptz not null,
                key_id text not null,
                signature bytea not null,
                lag_ms double precision not null);
            create or replace function {schema}.{GuardFunction}() returns trigger language plpgsql as $guard$
            begin
                raise exception '% on %.% is refused: the event log and its tree heads are append-only', tg_op, tg_table_schema, tg_table_name
                    using errcode = 'insufficient_privilege',
                          hint = 'docs/05-auditing.md, "Rewriting is refused", says what an operator must do and what the log will show.';
            end
            $guard$;
            """);
        foreach (var table in Guarded)
            writer.WriteLine($"""
                create or replace trigger {RowTrigger} before update or delete on {schema}.{table}
                    for each row execute function {schema}.{GuardFunction}();
                create or replace trigger {TruncateTrigger} before truncate on {schema}.{table}
                    for each statement execute function {schema}.{GuardFunction}();
                """);
    }

    public void WriteDropStatement(Migrator rules, TextWriter writer)
    {
        foreach (var table in Guarded)
            writer.WriteLine($"drop trigger if exists {RowTrigger} on {schema}.{table}; drop trigger if exists {TruncateTrigger} on {schema}.{table};");
        writer.WriteLine($"drop table if exists {schema}.{Heads}; drop table if exists {schema}.{Nodes}; drop table if exists {schema}.{Leaves};");
        writer.WriteLine($"drop function if exists {schema}.{GuardFunction}();");
    }

    public void ConfigureQueryCommand(DbCommandBuilder builder)
    {
        builder.Append("select (select count(*) from pg_tables where schemaname = ");
        builder.AppendParameter(schema);
        builder.Append($" and tablename in ('{Leaves}', '{Nodes}', '{Heads}')), (select count(*) from pg_trigger t join pg_class c on c.oid = t.tgrelid " +
                       "join pg_namespace n on n.oid = c.relnamespace where n.nspname = ");
        builder.AppendParameter(schema);
        builder.Append($" and t.tgname in ('{RowTrigger}', '{TruncateTrigger}'));");
    }

    public async Task<ISchemaObjectDelta> CreateDeltaAsync(DbDataReader reader, CancellationToken ct = default)
    {
        var complete = await reader.ReadAsync(ct) && reader.GetInt64(0) == 3 && reader.GetInt64(1) == 2 * Guarded.Length;
        return new SchemaObjectDelta(this, complete ? SchemaPatchDifference.None : SchemaPatchDifference.Create);
    }

    public IEnumerable<DbObjectName> AllNames()
    {
        yield return Identifier;
        yield return new PostgresqlObjectName(schema, Leaves, SchemaUtils.IdentifierUsage.General);
        yield return new PostgresqlObjectName(schema, Nodes, SchemaUtils.IdentifierUsage.General);
    }
}
