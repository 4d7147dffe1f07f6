using System.Globalization;
using System.Text.Json;
using CsvHelper;
using Marten;
using RehabLedger.Access;
using RehabLedger.Disclosures;
using RehabLedger.MerkleLog;
using RehabLedger.Security;

namespace RehabLedger.Audit;

/// <summary>
/// The access log and the audit trail of a period, whole, as CSV or NDJSON, for those who audit: what a spreadsheet or
/// an archive takes, where GraphQL answers a page at a time. Each reaches what the GraphQL field reaches (the caller's
/// clinics); the trail discloses events and is accounted like the export of the log. CSV escapes any text a
/// spreadsheet would run as a formula (OWASP's rule: a leading = + - @, tab or CR gets a quote).
/// </summary>
public static class AuditDownloads
{
    public const string AccessLogRoute = "/audit/access-log";
    public const string TrailRoute = "/audit/trail";
    private const int PageSize = 1000;
    private static readonly HashSet<string> Numeric = ["position", "sequence", "version"];

    private static readonly string[] AccessLogColumns =
        ["position", "at", "recordedAt", "actorId", "actorRole", "actorName", "payer", "operation", "requestedId", "clinicId", "patientId",
         "episodeId", "outcome", "reason", "correlationId"];

    private static readonly string[] TrailColumns =
        ["sequence", "id", "streamId", "version", "type", "recordedAt", "actorId", "actorRole", "actorName", "correlationId", "causationId", "data"];

    public static IEndpointRouteBuilder MapAuditDownloads(this IEndpointRouteBuilder app)
    {
        app.MapGet(AccessLogRoute, async (HttpContext http, DateTimeOffset? from, DateTimeOffset? to, string? format, IQuerySession session,
                CancellationToken ct) =>
            {
                if (Refused(from, to, format) is { } refusal) return refusal;
                var guard = http.Access().Guard;
                var query = AccessLogQuery.Filtered(session, new AccessLogFilter { From = from, To = to }, guard.ClinicScope)
                    .Where(r => r.At < to!.Value).OrderBy(r => r.Position);
                await Write(http, format, AccessLogColumns, Rows(query.ToAsyncEnumerable(ct)), ct);
                return Results.Empty;
            })
            .WithAccessAccounting(Surfaces.Downloads, LedgerAccounting.Unrecorded)
            .RequireAuthorization(Policies.ReadAccessLog);

        app.MapGet(TrailRoute, async (HttpContext http, DateTimeOffset? from, DateTimeOffset? to, string? format, IQuerySession session,
                CancellationToken ct) =>
            {
                if (Refused(from, to, format) is { } refusal) return refusal;
                var access = http.Access();
                var guard = access.Guard;
                var scope = await AuditScope.For(session, guard.ClinicScope, ct);
                // The read is on record before the first line leaves: every subject of the caller's clinics with events in the period.
                var events = await Trail(session, scope, from!.Value, to!.Value, ct);
                if (scope is not null) await access.DisclosedBeforeStreaming("GET " + TrailRoute, events.Select(e => e.StreamId).Distinct()
                    .Where(scope.Streams.ContainsKey).Select(s => scope.Streams[s]));
                await Write(http, format, TrailColumns, Rows(events), ct);
                return Results.Empty;
            })
            .WithAccessAccounting(Surfaces.Downloads, LedgerAccounting.Unrecorded)
            .RequireAuthorization(Policies.ReadAuditTrail);
        return app;
    }

    private static IResult? Refused(DateTimeOffset? from, DateTimeOffset? to, string? format)
    {
        string? problem = (from, to) switch
        {
            (null, _) or (_, null) => "Give the period as from and to, ISO 8601 instants (from inclusive, to exclusive).",
            var (f, t) when f >= t => "to must be later than from.",
            _ => format is null or "csv" or "ndjson" ? null : "format is csv or ndjson (the default).",
        };
        return problem is null ? null : Results.Json(new { code = "VALIDATION_FAILED", message = problem }, statusCode: StatusCodes.Status400BadRequest);
    }

    /// <summary>Every event of the period within the scope, oldest first, read by keyset pages of the trail's own query.</summary>
    private static async Task<List<LedgerEvent>> Trail(IQuerySession session, AuditScope? scope, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        var events = new List<LedgerEvent>();
        if (scope is { Streams.Count: 0 }) return events;
        long? before = null;
        while (true)
        {
            var page = await Ledger.Trail(session, new AuditQuery(before, null, scope?.Streams.Keys.ToList(), null, from, to), PageSize, ct);
            events.AddRange(page);
            if (page.Count < PageSize) break;
            before = page[^1].Sequence;
        }
        events.Reverse();
        return events;
    }

    private static async IAsyncEnumerable<string?[]> Rows(IAsyncEnumerable<AccessRecord> records)
    {
        await foreach (var r in records)
            yield return [Text(r.Position), Text(r.At), Text(r.RecordedAt), r.ActorId, r.ActorRole, r.ActorName, r.Payer, r.Operation,
                r.RequestedId?.ToString(), r.ClinicId?.ToString(), r.PatientId?.ToString(), r.EpisodeId?.ToString(), r.Outcome.ToString(),
                r.Reason, r.CorrelationId];
    }

    private static async IAsyncEnumerable<string?[]> Rows(IEnumerable<LedgerEvent> events)
    {
        foreach (var e in events)
            yield return [Text(e.Sequence), e.Id.ToString(), e.StreamId.ToString(), Text(e.Version), e.Type, Text(e.RecordedAt), e.Actor?.Id,
                e.Actor?.Role, e.Actor?.DisplayName, e.CorrelationId, e.CausationId, e.Data.GetRawText()];
        await Task.CompletedTask;
    }

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Text(DateTimeOffset value) => value.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    private static async Task Write(HttpContext http, string? format, string[] columns, IAsyncEnumerable<string?[]> rows, CancellationToken ct)
    {
        var body = http.Response.Body;
        if (format == "csv")
        {
            http.Response.ContentType = "text/csv; charset=utf-8";
            await using var csv = CsvWriter.Create(body, new CsvWriterOptions { Injection = CsvInjection.Escape }, leaveOpen: true);
            csv.WriteHeader(columns);
            await foreach (var row in rows) await csv.WriteRecordAsync(row!, ct);
            await csv.FlushAsync(ct);
            return;
        }
        http.Response.ContentType = "application/x-ndjson";
        await using var json = new Utf8JsonWriter(body);
        await foreach (var row in rows)
        {
            json.WriteStartObject();
            for (var i = 0; i < columns.Length; i++)
                if (columns[i] == "data" && row[i] is { } data)
                {
                    json.WritePropertyName("data");
                    json.WriteRawValue(data);
                }
                else if (Numeric.Contains(columns[i]) && row[i] is { } number) json.WriteNumber(columns[i], long.Parse(number, CultureInfo.InvariantCulture));
                else json.WriteString(columns[i], row[i]);
            json.WriteEndObject();
            await json.FlushAsync(ct);
            json.Reset();
            body.WriteByte((byte)'\n');
        }
    }
}
