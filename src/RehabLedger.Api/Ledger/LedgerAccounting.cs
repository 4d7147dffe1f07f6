using RehabLedger.Access;
using RehabLedger.Disclosures;

namespace RehabLedger.MerkleLog;

/// <summary>
/// Accounting for the downloads that stream events (the log's export, the audit trail): their answer is written as it
/// is read, so the operation is completed before the first byte leaves, not by the endpoint filter after the handler.
/// </summary>
public static class LedgerAccounting
{
    /// <summary>Records each subject once and writes the record; a read that cannot be recorded is not answered.</summary>
    public static async Task DisclosedBeforeStreaming(this OperationAccess access, string operation, IEnumerable<DisclosureSubject> subjects)
    {
        foreach (var subject in subjects.Distinct()) access.Log.Granted(operation, subject);
        await access.CompleteAsync();
    }

    /// <summary>The answer of a download whose accesses could not be recorded: none of the record, and a 500 the client may retry.</summary>
    public static IResult Unrecorded() => Results.Json(
        new { code = "INTERNAL_ERROR", message = "The read could not be recorded in the access log, so it is not answered. Retry later." },
        statusCode: StatusCodes.Status500InternalServerError);
}
