using RehabLedger.Disclosures;
using RehabLedger.Security;

namespace RehabLedger.Access;

/// <summary>
/// Access and accounting for one <see cref="Operation"/>, whatever surface serves it: what the caller may reach
/// (<see cref="Guard"/>), what they were handed or refused (<see cref="Log"/>), and the one way to complete it.
/// Query and command access objects (<see cref="EpisodeAccess"/>, <see cref="ClinicAccess"/>, the outcome-history
/// permit) decide with the guard and record here; a surface only creates it (<see cref="AccessAccounting.Begin"/>)
/// and completes it before its answer leaves.
/// </summary>
public sealed class OperationAccess(Operation operation, DisclosureLog log)
{
    public Operation Operation { get; } = operation;

    public AccessGuard Guard { get; } = new(operation.Caller);

    public DisclosureLog Log { get; } = log;

    /// <summary>
    /// Records <paramref name="decision"/> about the record the caller named as <paramref name="requestedId"/> and
    /// answers whether it was granted. A refusal is recorded alike whether nothing or a record out of reach has the id.
    /// </summary>
    public bool Record(string operation, Guid requestedId, AccessDecision decision)
    {
        if (decision.Granted) Log.Granted(operation, decision.Subject!);
        else Log.Unreachable(operation, requestedId, decision.Subject, decision.Reason!);
        return decision.Granted;
    }

    /// <summary>
    /// Records <paramref name="decision"/> when it is a refusal, and answers whether it was granted: for operations that
    /// are not reads of patient data (a command, whose events name its actor; a read of the access log).
    /// </summary>
    public bool Check(string operation, Guid requestedId, AccessDecision decision) =>
        decision.Granted || Record(operation, requestedId, decision);

    /// <summary>
    /// Writes what the operation accounted for, in one append. Every surface calls this before its answer leaves;
    /// when it throws, the answer is withheld: a read that cannot be recorded is not answered.
    /// </summary>
    public Task CompleteAsync() => Log.FlushAsync();
}
