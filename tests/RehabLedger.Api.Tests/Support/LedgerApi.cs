using System.Text.Json;
using System.Text.Json.Nodes;
using Alba;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using RehabLedger.MerkleLog;
using RehabLedger.Verify;

namespace RehabLedger.Tests.Support;

/// <summary>An auditor's side of the log: heads, proofs, verification and the export, as the outside verifier reads them.</summary>
public static class LedgerApi
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public const string HeadFields = "treeSize rootHash lastSequence timestamp keyId signature";

    public static readonly string HeadQuery = $$"""query($size: Long) { ledgerHead(treeSize: $size) { {{HeadFields}} } }""";

    public static readonly string Inclusion = $$"""
        query($sequence: Long, $eventId: ID, $size: Long) {
          ledgerInclusion(sequence: $sequence, eventId: $eventId, treeSize: $size) { leafIndex treeSize sequence leafHash path head { {{HeadFields}} } }
        }
        """;

    public static readonly string Consistency = $$"""
        query($from: Long!, $to: Long!) {
          ledgerConsistency(fromTreeSize: $from, toTreeSize: $to) { path from { {{HeadFields}} } to { {{HeadFields}} } }
        }
        """;

    public const string Verification = """
        query($from: Long!, $to: Long!) {
          ledgerVerification(fromSequence: $from, toSequence: $to) { fromSequence toSequence ok checkedEvents checkedHeads firstBadSequence problem message }
        }
        """;

    public const string PublicKey = "{ ledgerPublicKey { algorithm keyId pem } }";

    public static T As<T>(this JsonNode node) => node.Deserialize<T>(Json)!;

    /// <summary>The newest event's sequence (0 for none).</summary>
    public static async Task<long> LastSequence(this IDocumentStore store)
    {
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"select coalesce(max(seq_id), 0) from {store.Options.Events.DatabaseSchemaName}.mt_events", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Waits, never sleeping, until a signed head covers every event stored now; answers that head.</summary>
    public static async Task<StoredHead> HeadCoveringEverything(this IAlbaHost host)
    {
        var store = host.Services.GetRequiredService<IDocumentStore>();
        var last = await store.LastSequence();
        await using var session = store.QuerySession();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        return await host.Services.GetRequiredService<LedgerProgress>().WaitForAsync(last, session, timeout.Token);
    }

    public static async Task<RehabLedger.Verify.Head> SignedHead(this IAlbaHost host, long? size = null) =>
        (await host.GraphQL(HeadQuery, new { size })).Ok()["ledgerHead"]!.As<RehabLedger.Verify.Head>();

    public static async Task<HeadSignature> PublishedKey(this IAlbaHost host) =>
        new((await host.GraphQL(PublicKey)).Ok()["ledgerPublicKey"]!["pem"]!.GetValue<string>());

    public static async Task<string> ExportText(this IAlbaHost host, string query = "", string? bearer = null)
    {
        var (status, _, body) = await host.Get(LedgerExport.Route + query, bearer);
        status.ShouldBe(200, body);
        return body;
    }

    public static List<ExportLine> Lines(string ndjson) =>
        [.. ndjson.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonSerializer.Deserialize<ExportLine>(l, Json)!)];
}
