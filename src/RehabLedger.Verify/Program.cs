using System.Text.Json;
using RehabLedger.Verify;

// rehabledger-verify export <events.ndjson> <head.json> <public-key.pem>
// rehabledger-verify inclusion <proof.json> <public-key.pem>
// rehabledger-verify consistency <proof.json> <public-key.pem>
// Exit code: 0 verified, 1 tampering found, 2 wrong usage or unreadable input.
var json = new JsonSerializerOptions(JsonSerializerDefaults.Web);
try
{
    var finding = args switch
    {
        ["export", var events, var head, var key] => ExportCheck.Run(
            File.ReadLines(events).Where(l => l.Length > 0).Select(l => JsonSerializer.Deserialize<ExportLine>(l, json)!),
            JsonSerializer.Deserialize<Head>(File.ReadAllText(head), json)!, new HeadSignature(File.ReadAllText(key))),
        ["inclusion", var proof, var key] => ProofCheck.Inclusion(
            JsonSerializer.Deserialize<InclusionProof>(File.ReadAllText(proof), json)!, new HeadSignature(File.ReadAllText(key))),
        ["consistency", var proof, var key] => ProofCheck.Consistency(
            JsonSerializer.Deserialize<ConsistencyProof>(File.ReadAllText(proof), json)!, new HeadSignature(File.ReadAllText(key))),
        _ => null,
    };
    if (finding is null)
    {
        Console.Error.WriteLine("usage: rehabledger-verify export <events.ndjson> <head.json> <public-key.pem>");
        Console.Error.WriteLine("       rehabledger-verify inclusion|consistency <proof.json> <public-key.pem>");
        return 2;
    }
    Console.WriteLine(finding);
    return finding.Ok ? 0 : 1;
}
catch (Exception e) when (e is IOException or JsonException or FormatException or ArgumentException or System.Security.Cryptography.CryptographicException)
{
    Console.Error.WriteLine($"rehabledger-verify: {e.Message}");
    return 2;
}
