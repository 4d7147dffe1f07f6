using Marten;
using RehabLedger.Disclosures;
using RehabLedger.Infrastructure;
using RehabLedger.Infrastructure.Correlation;

namespace RehabLedger.Access;

/// <summary>Where an operation's access records go: one append per operation.</summary>
public interface IAccessRecordWriter
{
    Task AppendAsync(Operation operation, IReadOnlyList<DisclosureRecorded> records);
}

/// <summary>
/// Appends an operation's access records as a stream of their own, started under a new id. A read therefore never
/// appends to a stream anything else appends to: not the patient's (whose version consent commands expect), not a
/// shared log's. No two operations' accounting can conflict or wait on each other, whatever the load.
/// </summary>
public sealed class MartenAccessRecordWriter(IDocumentStore store) : IAccessRecordWriter
{
    public async Task AppendAsync(Operation operation, IReadOnlyList<DisclosureRecorded> records)
    {
        var actor = operation.Caller!.Actor;
        await using var session = store.LightweightSession();
        session.CorrelationId = operation.CorrelationId;
        if (operation.ClientCorrelationId is { } clientId) session.SetHeader(CorrelationIdMiddleware.ClientHeader, clientId);
        session.LastModifiedBy = actor.Id;
        session.SetHeader(ActorMetadataMiddleware.RoleHeader, actor.Role);
        session.SetHeader(ActorMetadataMiddleware.NameHeader, actor.DisplayName);
        session.Events.StartStream(Guid.CreateVersion7(), records.ToArray());
        // Not the operation's cancellation: an access the client gave up on waiting for has still happened.
        await session.SaveChangesAsync(CancellationToken.None);
    }
}
