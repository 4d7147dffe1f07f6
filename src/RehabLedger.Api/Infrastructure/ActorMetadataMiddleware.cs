using Marten;
using RehabLedger.Common;
using RehabLedger.Infrastructure.Correlation;

namespace RehabLedger.Infrastructure;

/// <summary>
/// Stamps the actor of a command on the metadata of every event it appends: the id as Marten's user name,
/// the role and display name as headers, so the ledger answers "who" without reading event bodies. A command sent
/// from a request also records the caller's own correlation id, kept apart from the service's
/// (see <see cref="CorrelationIdMiddleware"/>).
/// </summary>
public static class ActorMetadataMiddleware
{
    public const string RoleHeader = "actor-role";
    public const string NameHeader = "actor-name";

    public static void Before(IActorCommand command, IDocumentSession session, IHttpContextAccessor http)
    {
        CorrelationIdMiddleware.StampClientId(session, http.HttpContext);
        session.LastModifiedBy = command.By.Id;
        session.SetHeader(RoleHeader, command.By.Role);
        session.SetHeader(NameHeader, command.By.DisplayName);
    }
}
