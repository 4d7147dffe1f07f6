namespace RehabLedger.GraphQL.Http;

/// <summary>
/// Settings of the GraphQL HTTP endpoint; configure with
/// <c>services.Configure&lt;GraphQLHttpOptions&gt;(...)</c>.
/// </summary>
public sealed class GraphQLHttpOptions
{
    /// <summary>
    /// Largest POST body accepted, in bytes; a larger one is answered 413 before it is parsed.
    /// GraphQL documents are small, so a low limit costs legitimate clients nothing and keeps one
    /// request from holding megabytes of memory while it is parsed.
    /// </summary>
    public long MaxRequestBodySize { get; set; } = 1024 * 1024;
}
