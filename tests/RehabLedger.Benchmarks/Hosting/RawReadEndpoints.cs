using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Npgsql;
using NpgsqlTypes;
using RehabLedger.Infrastructure.Marten;

namespace RehabLedger.Benchmarks.Hosting;

/// <summary>
/// The baseline for dashboard reads: the same projection documents the GraphQL queries read, selected with one
/// plain SQL statement and written to the response as they come from PostgreSQL, with no deserialization, no
/// GraphQL and no computed fields. Mapped as terminal middleware ahead of the service's pipeline.
/// </summary>
internal sealed class RawReadEndpoints(string connectionString) : IStartupFilter
{
    public const string CaseloadPath = "/raw/caseload";
    public const string ProgressPath = "/raw/progress";
    private const string Schema = EventStoreSetup.SchemaName;

    // The WHERE clause is the one Marten writes for the caseload query, so the same indexes serve it.
    private const string CaseloadSql = $"""
        select r.data, p.data, t.data
        from {Schema}.mt_doc_caseloadrow r
        join {Schema}.mt_doc_patient p on p.id = CAST(r.data ->> 'patientId' as uuid)
        join {Schema}.mt_doc_therapist t on t.id = CAST(r.data ->> 'therapistId' as uuid)
        where CAST(r.data ->> 'clinicId' as uuid) = $1 and r.data ->> 'status' = 'Active' and CAST(r.data ->> 'therapistId' as uuid) = $2
        """;

    // The episode's snapshot and its session and home-log documents, found through the same episode_id index.
    private const string ProgressSql = $"""
        select e.data,
          (select coalesce(jsonb_agg(s.data), '[]') from {Schema}.mt_doc_recordedsession s where s.episode_id = e.id),
          (select coalesce(jsonb_agg(l.data), '[]') from {Schema}.mt_doc_recordedhomelog l where l.episode_id = e.id)
        from {Schema}.mt_doc_episode e
        where e.id = $1
        """;

    private readonly NpgsqlDataSource _dataSource = NpgsqlDataSource.Create(connectionString);

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Map(CaseloadPath, branch => branch.Run(Caseload));
        app.Map(ProgressPath, branch => branch.Run(Progress));
        next(app);
    };

    /// <summary><c>/raw/caseload?clinicId=..&amp;therapistId=..</c>: <c>[{"row":..,"patient":..,"therapist":..}]</c>.</summary>
    private async Task Caseload(HttpContext context)
    {
        await using var command = _dataSource.CreateCommand(CaseloadSql);
        command.Parameters.Add(new NpgsqlParameter<Guid> { NpgsqlDbType = NpgsqlDbType.Uuid, TypedValue = Guid.Parse(context.Request.Query["clinicId"]!) });
        command.Parameters.Add(new NpgsqlParameter<Guid> { NpgsqlDbType = NpgsqlDbType.Uuid, TypedValue = Guid.Parse(context.Request.Query["therapistId"]!) });
        await WriteRows(context, command, ["row", "patient", "therapist"]);
    }

    /// <summary><c>/raw/progress?id=..</c>: <c>[{"episode":..,"sessions":[..],"homeLogs":[..]}]</c>.</summary>
    private async Task Progress(HttpContext context)
    {
        await using var command = _dataSource.CreateCommand(ProgressSql);
        command.Parameters.Add(new NpgsqlParameter<Guid> { NpgsqlDbType = NpgsqlDbType.Uuid, TypedValue = Guid.Parse(context.Request.Query["id"]!) });
        await WriteRows(context, command, ["episode", "sessions", "homeLogs"]);
    }

    private static async Task WriteRows(HttpContext context, NpgsqlCommand command, string[] names)
    {
        var json = new StringBuilder("[");
        await using (var reader = await command.ExecuteReaderAsync(context.RequestAborted))
        {
            while (await reader.ReadAsync(context.RequestAborted))
            {
                json.Append(json.Length == 1 ? "{" : ",{");
                for (var i = 0; i < names.Length; i++)
                    json.Append(i == 0 ? "\"" : ",\"").Append(names[i]).Append("\":").Append(reader.IsDBNull(i) ? "null" : reader.GetString(i));
                json.Append('}');
            }
        }
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(json.Append(']').ToString(), context.RequestAborted);
    }
}
