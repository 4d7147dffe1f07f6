using RehabLedger.Disclosures;

namespace RehabLedger.MerkleLog;

/// <summary>
/// The one place the ledger's reads are put on record. Today through the request's <see cref="DisclosureLog"/>, as the
/// other audit reads are; the access layer replaces this class's body, not its callers.
/// </summary>
public sealed class LedgerAccounting(DisclosureLog log)
{
    /// <summary>Records each subject once and writes the record before the answer leaves; a read that cannot be recorded is not answered.</summary>
    public async Task Disclosed(string operation, IEnumerable<DisclosureSubject> subjects)
    {
        foreach (var subject in subjects.Distinct()) log.Granted(operation, subject);
        await log.FlushAsync();
    }
}
