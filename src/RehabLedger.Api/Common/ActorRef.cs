namespace RehabLedger.Common;

/// <summary>
/// Who did something: taken from the request (never from mutation input) and carried on every event,
/// so the record says who acted even when read without its metadata.
/// </summary>
public sealed record ActorRef(string Id, string Role, string DisplayName)
{
    /// <summary>The seeder that writes the demo data set on a fresh development database.</summary>
    public static readonly ActorRef DemoSeeder = new("system:demo-seeder", "system", "Demo data seeder");

    /// <summary>A caller without a valid identity. Every operation that writes needs one, so no event carries this actor.</summary>
    public static readonly ActorRef Unauthenticated = new("anonymous", "unauthenticated", "Unauthenticated caller");
}
