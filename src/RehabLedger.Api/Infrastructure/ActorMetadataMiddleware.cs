using Marten;
using RehabLedger.Common;

namespace RehabLedger.Infrastructure;

/// <summary>
/// Stamps the actor of a command on the metadata of every event it appends: the id as Marten's user name,
/// the role and display name as headers, so the ledger answers "who" without reading event bodies.
/// </summary>
public static class ActorMetadataMiddleware
{
    public const string RoleHeader = "actor-role";
    public const string NameHeader = "actor-name";

    public static void Before(IActorCommand command, IDocumentSession session)
    {
        session.LastModifiedBy = command.By.Id;
        session.SetHeader(RoleHeader, command.By.Role);
        session.SetHeader(NameHeader, command.By.DisplayName);
    }
}
