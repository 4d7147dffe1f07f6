using System.Text.Json;
using Marten;
using Npgsql;
using RehabLedger.Access;
using RehabLedger.Audit;
using RehabLedger.Security;

namespace RehabLedger.MerkleLog;

/// <summary>
/// The events of a range of sequences as NDJSON, beside the log's leaves, for the outside verifier
/// (src/RehabLedger.Verify): one line per sequence that has an event or a leaf. An event of a stream outside the
/// caller's clinics is redacted to its leaf hash, so the root still recomputes; a platform administrator's export holds
/// every event. The public key is served beside it, to anyone: it is what lets a stranger check a head.
/// </summary>
public static class LedgerExport
{
    public const string Route = "/ledger/export";
    public const string KeyRoute = "/.well-known/rehabledger-ledger-key.pem";

    public static IEndpointRouteBuilder MapLedger(this IEndpointRouteBuilder app)
    {
        app.MapGet(KeyRoute, (LedgerSigner signer) => Results.Text(signer.PublicKeyPem, "application/x-pem-file")).AllowAnonymous();
        app.MapGet(Route, async (HttpContext http, long? from, long? to, IQuerySession session,
                CancellationToken ct) =>
            {
                var access = http.Access();
                var first = from ?? 1;
                var last = to ?? (await LedgerStore.LatestHead(session, ct))?.Head.LastSequence ?? 0;
                if (first < 1 || last < first)
                    return Results.Json(new { code = "VALIDATION_FAILED", message = "Give 1 <= from <= to (to defaults to the latest head's last sequence)." },
                        statusCode: StatusCodes.Status400BadRequest);

                var scope = await AuditScope.For(session, access.Guard.ClinicScope, ct);
                if (scope is not null)
                    await access.DisclosedBeforeStreaming("GET " + Route, (await StreamsIn(session, first, last, ct))
                        .Where(scope.Streams.ContainsKey).Select(s => scope.Streams[s]));

                http.Response.ContentType = "application/x-ndjson";
                await Write(http.Response.Body, session, first, last, scope, ct);
                return Results.Empty;
            })
            .WithAccessAccounting(Surfaces.Downloads, LedgerAccounting.Unrecorded)
            .RequireAuthorization(Policies.ReadAuditTrail);
        return app;
    }

    private static async Task<IReadOnlyList<Guid>> StreamsIn(IQuerySession session, long from, long to, CancellationToken ct)
    {
        var schema = session.DocumentStore.Options.Events.DatabaseSchemaName;
        var streams = new List<Guid>();
        await using var reader = await session.ExecuteReaderAsync(new NpgsqlCommand(
            $"select distinct stream_id from {schema}.mt_events where seq_id between $1 and $2") { Parameters = { new() { Value = from }, new() { Value = to } } }, ct);
        while (await reader.ReadAsync(ct)) streams.Add(reader.GetGuid(0));
        return streams;
    }

    public static async Task Write(Stream body, IQuerySession session, long from, long to, AuditScope? scope, CancellationToken ct)
    {
        var schema = session.DocumentStore.Options.Events.DatabaseSchemaName;
        await using var reader = await session.ExecuteReaderAsync(LedgerStore.SideBySideCommand(schema, from, to), ct);
        await using var json = new Utf8JsonWriter(body);
        while (await reader.ReadAsync(ct))
        {
            var entry = LedgerStore.ReadEntry(reader, 3);
            var hasLeaf = !reader.IsDBNull(0);
            json.WriteStartObject();
            json.WriteNumber("sequence", hasLeaf ? reader.GetInt64(1) : entry!.Sequence);
            if (hasLeaf)
            {
                json.WriteNumber("index", reader.GetInt64(0));
                json.WriteString("leafHash", Convert.ToHexStringLower(reader.GetFieldValue<byte[]>(2)));
            }
            else
            {
                json.WriteNull("index");
                json.WriteNull("leafHash");
            }
            var redacted = entry is not null && scope is not null && !scope.Streams.ContainsKey(entry.StreamId);
            json.WriteBoolean("redacted", redacted);
            json.WritePropertyName("event");
            if (entry is null || redacted) json.WriteNullValue();
            else WriteEntry(json, entry);
            json.WriteEndObject();
            await json.FlushAsync(ct);
            json.Reset();
            body.WriteByte((byte)'\n');
        }
    }

    private static void WriteEntry(Utf8JsonWriter json, LedgerEntry e)
    {
        json.WriteStartObject();
        json.WriteNumber("sequence", e.Sequence);
        json.WriteString("id", e.Id);
        json.WriteString("streamId", e.StreamId);
        json.WriteNumber("version", e.Version);
        json.WriteString("type", e.Type);
        json.WriteNumber("timestampMicroseconds", e.TimestampMicroseconds);
        json.WriteString("userName", e.UserName);
        json.WriteString("correlationId", e.CorrelationId);
        json.WriteString("causationId", e.CausationId);
        json.WriteString("headers", e.Headers);
        json.WriteString("data", e.Data);
        json.WriteEndObject();
    }
}
