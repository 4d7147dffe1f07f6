using Marten;
using Npgsql;
using RehabLedger.MerkleLog;

namespace RehabLedger.Tests.Support;

/// <summary>
/// Switches the triggers that refuse rewriting off and on again, with the statements docs/05-auditing.md gives an
/// operator: <c>ALTER TABLE ... DISABLE TRIGGER</c>, which only the tables' owner (the service's role) or a superuser
/// may run. Tests need it to empty the store between scenarios, and the tamper test to rewrite history.
/// </summary>
public static class LedgerGuard
{
    public static Task SwitchOff(IDocumentStore store) => Run(store, "disable");

    public static Task SwitchOn(IDocumentStore store) => Run(store, "enable");

    private static async Task Run(IDocumentStore store, string verb)
    {
        var schema = store.Options.Events.DatabaseSchemaName;
        var sql = string.Join(";", LedgerTables.Guarded.Select(table =>
            $"alter table {schema}.{table} {verb} trigger {LedgerTables.RowTrigger}, {verb} trigger {LedgerTables.TruncateTrigger}"));
        await Execute(store, sql);
    }

    public static async Task Execute(IDocumentStore store, string sql, params object[] values)
    {
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var value in values) command.Parameters.Add(new NpgsqlParameter { Value = value });
        await command.ExecuteNonQueryAsync();
    }
}
