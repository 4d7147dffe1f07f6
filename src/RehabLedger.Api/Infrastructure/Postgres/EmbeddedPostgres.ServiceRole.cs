using Microsoft.Extensions.Logging;
using Npgsql;

namespace RehabLedger.Infrastructure.Postgres;

public sealed partial class EmbeddedPostgres
{
    /// <summary>
    /// The role the service connects as: it may log in and owns the service's database (so Marten can create and
    /// change its tables and functions there), and nothing else: no superuser, no new databases or roles, no
    /// replication, no ALTER SYSTEM. Whoever takes over the service's connection gets the records, not the server.
    /// </summary>
    public const string ServiceRole = "rehabledger";

    private const string RoleAttributes = "LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS";

    // Every object the superuser owns in the database's own schemas, given to the service role. Sequences of a column
    // follow their table, and members of an extension stay the extension's.
    private const string TransferOwnershipSql = $"""
        DO $transfer$
        DECLARE
          item record;
        BEGIN
          FOR item IN
            SELECT format('ALTER SCHEMA %I OWNER TO {ServiceRole}', n.nspname) AS statement
            FROM pg_namespace n
            WHERE n.nspowner = 'postgres'::regrole AND n.nspname !~ '^pg_' AND n.nspname <> 'information_schema'
            UNION ALL
            SELECT format('ALTER %s %s OWNER TO {ServiceRole}',
                     CASE c.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' WHEN 'f' THEN 'FOREIGN TABLE'
                                    WHEN 'S' THEN 'SEQUENCE' ELSE 'TABLE' END, c.oid::regclass)
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relowner = 'postgres'::regrole AND n.nspname !~ '^pg_' AND n.nspname <> 'information_schema'
              AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S')
              AND NOT EXISTS (SELECT 1 FROM pg_depend d
                              WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype IN ('a', 'i', 'e'))
            UNION ALL
            SELECT format('ALTER %s %s OWNER TO {ServiceRole}', CASE p.prokind WHEN 'a' THEN 'AGGREGATE' ELSE 'ROUTINE' END,
                     p.oid::regprocedure)
            FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
            WHERE p.proowner = 'postgres'::regrole AND n.nspname !~ '^pg_' AND n.nspname <> 'information_schema'
              AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')
            UNION ALL
            SELECT format('ALTER %s %s OWNER TO {ServiceRole}', CASE t.typtype WHEN 'd' THEN 'DOMAIN' ELSE 'TYPE' END, t.oid::regtype)
            FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
            WHERE t.typowner = 'postgres'::regrole AND n.nspname !~ '^pg_' AND n.nspname <> 'information_schema'
              AND (t.typtype IN ('e', 'd', 'r')
                   OR (t.typtype = 'c' AND EXISTS (SELECT 1 FROM pg_class c WHERE c.oid = t.typrelid AND c.relkind = 'c')))
              AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_type'::regclass AND d.objid = t.oid AND d.deptype = 'e')
          LOOP
            EXECUTE item.statement;
          END LOOP;
        END
        $transfer$
        """;

    /// <summary>
    /// Makes sure <see cref="ServiceRole"/> exists with exactly its few rights and the password of the credentials file,
    /// and that it owns <paramref name="database"/> and what the superuser created there. A data folder from before the
    /// role (everything owned by <c>postgres</c>) is brought over on its first start here, and keeps its records.
    /// </summary>
    private void EnsureServiceDatabase(string database, bool retryOnRace = true)
    {
        var step = "connect as the postgres superuser";
        try
        {
            using (var connection = new NpgsqlConnection(AdminConnectionString()))
            {
                connection.Open();
                // The role's password is part of the statements below: the server must not write them to its log on an error.
                Run(connection, "SET log_min_error_statement = panic; SET log_statement = none");

                step = $"create or update role {ServiceRole}";
                var roleExisted = Exists(connection, "SELECT 1 FROM pg_roles WHERE rolname = $1", ServiceRole);
                // Re-stated on every start: a role someone made a superuser is brought back to least privilege.
                Run(connection, $"{(roleExisted ? "ALTER" : "CREATE")} ROLE {ServiceRole} {RoleAttributes} PASSWORD {Literal(_servicePassword)}");
                if (!roleExisted) _logger.LogInformation("Created the PostgreSQL role {Role} the service connects as", ServiceRole);

                step = $"create database {database} owned by {ServiceRole}";
                if (!Exists(connection, "SELECT 1 FROM pg_database WHERE datname = $1", database))
                {
                    Run(connection, $"CREATE DATABASE {QuoteIdentifier(database)} OWNER {ServiceRole}");
                    _logger.LogInformation("Created database {Database}", database);
                }
                else
                {
                    step = $"give database {database} to {ServiceRole}";
                    Run(connection, $"ALTER DATABASE {QuoteIdentifier(database)} OWNER TO {ServiceRole}");
                }
            }

            step = $"give what the superuser owns in {database} to {ServiceRole}";
            using (var connection = new NpgsqlConnection(AdminConnectionString(database)))
            {
                connection.Open();
                Run(connection, TransferOwnershipSql);
            }
        }
        // Another instance starting at the same moment did it first.
        catch (PostgresException e) when (retryOnRace && e.SqlState is PostgresErrorCodes.DuplicateDatabase or PostgresErrorCodes.DuplicateObject)
        {
            EnsureServiceDatabase(database, retryOnRace: false);
        }
        catch (NpgsqlException e)
        {
            // The step, never the statement: statements hold the role's password.
            throw Failure($"Could not {step}.", $"Error: {(e is PostgresException server ? $"{server.SqlState}: {server.MessageText}" : e.Message)}", e);
        }
    }

    private static bool Exists(NpgsqlConnection connection, string sql, string value)
    {
        using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = value });
        return command.ExecuteScalar() is not null;
    }

    private static void Run(NpgsqlConnection connection, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    // A folder trusting local connections (from before passwords) gives the role none either.
    private static string Literal(string? password) => password is null ? "NULL" : $"'{password.Replace("'", "''")}'";
}
