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

    /// <summary>
    /// How long one request may take, from the first byte of its body read to the last byte of its answer written:
    /// reading, parsing, validation, execution and serialization run under one cancellation, linked to the client's
    /// disconnect. Past it the request is answered 504 <c>TIMEOUT</c> (or, when the answer has begun, cut off).
    /// </summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Most errors one answer carries. The first ones are kept, and the last place says how many more were left out, so
    /// a document that breaks a rule thousands of times cannot make the answer thousands of times larger.
    /// </summary>
    public int MaxErrors { get; set; } = 100;
}
