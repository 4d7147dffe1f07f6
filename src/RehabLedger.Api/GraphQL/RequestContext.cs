using GraphQL;
using Marten;
using RehabLedger.Common;
using RehabLedger.Infrastructure;
using RehabLedger.Security;
using Wolverine;

namespace RehabLedger.GraphQL;

/// <summary>What a resolver needs from the request it runs in: the caller, the store, the command bus.</summary>
public static class RequestContext
{
    public static IQuerySession Query(this IResolveFieldContext context) =>
        context.RequestServices!.GetRequiredService<IQuerySession>();

    /// <summary>
    /// The actor comes from the operation's caller (the token's <c>sub</c>, <c>role</c> and <c>name</c> claims, see
    /// <see cref="Caller"/>), never from mutation input, so nobody can write in someone else's name.
    /// </summary>
    public static ActorRef Actor(this IResolveFieldContext context) => context.Access().Operation.Caller?.Actor ?? ActorRef.Unauthenticated;

    /// <summary>
    /// Runs a command through Wolverine in this request's scope, so its events carry the operation's
    /// correlation id in their metadata (the actor is stamped by ActorMetadataMiddleware).
    /// </summary>
    public static async Task<T> Send<T>(this IResolveFieldContext context, IActorCommand command)
    {
        var services = context.RequestServices!;
        var bus = services.GetRequiredService<IMessageContext>();
        bus.CorrelationId = context.Access().Operation.CorrelationId;
        try
        {
            return await bus.InvokeAsync<T>(command, context.CancellationToken);
        }
        catch (Exception e)
        {
            CommandLogging.Refused(services, command, e);
            throw;
        }
    }

    /// <summary>New ids are version 7 GUIDs: time-ordered, so indexes on them stay compact.</summary>
    public static Guid NewId(Guid? requested) => requested ?? Guid.CreateVersion7();
}
