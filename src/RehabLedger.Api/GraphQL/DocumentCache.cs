using System.Collections.Concurrent;
using GraphQL;
using GraphQL.DI;
using GraphQLParser.AST;

namespace RehabLedger.GraphQL;

/// <summary>
/// Parsed and validated documents by their text, so a client that repeats its operations (a dashboard refreshing its
/// caseload, an app recording sessions with variables) skips parsing and validation after the first time. Only a
/// document that passed validation is kept; a hit is still checked by the request's
/// <see cref="ExecutionOptions.CachedDocumentValidationRules"/>: the HTTP method rule, authorization (which depends on
/// the caller) and the complexity analyzer (which depends on the page sizes in the variables). The core rules depend
/// on neither and are not run again. GraphQL.NET's own cache lives in a package this project does not have.
/// </summary>
public sealed class DocumentCache : IConfigureExecution
{
    /// <summary>
    /// Enough for every operation of every client; past it new documents are simply not kept, so a client sending
    /// endless distinct documents costs itself parsing time and the service no memory.
    /// </summary>
    public const int Capacity = 1_000;

    /// <summary>Longer documents are not kept: they are rare, and would let a few requests hold much memory.</summary>
    public const int MaxQueryLength = 20_000;

    private readonly ConcurrentDictionary<string, GraphQLDocument> _documents = new(StringComparer.Ordinal);

    public int Count => _documents.Count;

    // The order of GraphQL.NET's own document cache: before execution, after options such as persisted documents.
    public float SortOrder => 200;

    public async Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        if (options.Document is not null || options.DocumentId is not null || options.Query is not { Length: <= MaxQueryLength } query)
            return await next(options);

        if (_documents.TryGetValue(query, out var cached))
        {
            options.Document = cached;
            options.ValidationRules = options.CachedDocumentValidationRules ?? [];
            return await next(options);
        }

        var result = await next(options);
        if (result.Executed && result.Document is not null && _documents.Count < Capacity)
            _documents.TryAdd(query, result.Document);
        return result;
    }
}
