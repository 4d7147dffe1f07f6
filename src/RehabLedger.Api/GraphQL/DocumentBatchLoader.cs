using GraphQL;
using GraphQL.DataLoader;
using Marten;

namespace RehabLedger.GraphQL;

/// <summary>
/// Per-request batching of document loads by id, the piece GraphQL.NET leaves to the application. Resolvers ask
/// for documents while a level of the query executes; the first result awaited loads every id asked for so far,
/// of that document type, in one query. A page of 50 rows asking for their patients costs one round trip.
/// </summary>
public sealed class DocumentBatchLoader(IQuerySession session)
{
    private readonly Dictionary<(Type, string), object> _batches = [];

    /// <summary>A document by id; every id of the same document type asked for meanwhile is loaded with it.</summary>
    public IDataLoaderResult<T?> Load<T>(Guid id, Func<T, Guid> idOf) where T : class =>
        LoadBy<T?>("by id", id, async (s, ids, ct) => (await s.LoadManyAsync<T>(ct, ids)).ToDictionary(idOf, d => (T?)d).AsReadOnly(), null);

    /// <summary>
    /// The documents that belong to a parent (a clinic's therapists, a patient's episodes), in one query for every parent
    /// of the same query level; a parent with none gets an empty list. <paramref name="fetch"/> reads the documents of
    /// all the parents asked for, already in the order each list is answered in.
    /// </summary>
    public IDataLoaderResult<IReadOnlyList<T>> LoadChildren<T>(string name, Guid parentId,
        Func<IQuerySession, Guid[], CancellationToken, Task<IReadOnlyList<T>>> fetch, Func<T, Guid> parentOf) =>
        LoadBy<IReadOnlyList<T>>(name, parentId, async (s, ids, ct) =>
            (await fetch(s, ids, ct)).GroupBy(parentOf).ToDictionary(g => g.Key, g => (IReadOnlyList<T>)g.ToList()).AsReadOnly(), []);

    /// <summary>
    /// Batches anything looked up by an id that one query can fetch for many ids at once, such as the entries of
    /// several episodes. <paramref name="name"/> tells batches of the same result type apart.
    /// </summary>
    /// <param name="fetch">Answers for every id asked for; an id it leaves out gets <paramref name="missing"/>.</param>
    public IDataLoaderResult<TResult> LoadBy<TResult>(string name, Guid id,
        Func<IQuerySession, Guid[], CancellationToken, Task<IReadOnlyDictionary<Guid, TResult>>> fetch, TResult missing)
    {
        var key = (typeof(TResult), name);
        if (!_batches.TryGetValue(key, out var batch)) _batches[key] = batch = new Batch<TResult>(session, fetch, missing);
        return ((Batch<TResult>)batch).Add(id);
    }

    private sealed class Batch<TResult>(IQuerySession session,
        Func<IQuerySession, Guid[], CancellationToken, Task<IReadOnlyDictionary<Guid, TResult>>> fetch, TResult missing)
    {
        private readonly HashSet<Guid> _pending = [];
        private readonly Dictionary<Guid, TResult> _loaded = [];

        public IDataLoaderResult<TResult> Add(Guid id)
        {
            if (!_loaded.ContainsKey(id)) _pending.Add(id);
            return new Pending(this, id);
        }

        private async Task<TResult> GetAsync(Guid id, CancellationToken ct)
        {
            if (_pending.Count > 0)
            {
                var ids = _pending.ToArray();
                _pending.Clear();
                var found = await fetch(session, ids, ct);
                foreach (var asked in ids) _loaded[asked] = found.TryGetValue(asked, out var result) ? result : missing;
            }
            return _loaded.TryGetValue(id, out var loaded) ? loaded : missing;
        }

        private sealed class Pending(Batch<TResult> batch, Guid id) : IDataLoaderResult<TResult>
        {
            public Task<TResult> GetResultAsync(CancellationToken cancellationToken = default) => batch.GetAsync(id, cancellationToken);

            async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) =>
                await GetResultAsync(cancellationToken);
        }
    }
}

public static class DocumentBatchLoaderExtensions
{
    /// <summary>Transforms a pending result once it arrives, keeping it pending for the execution strategy.</summary>
    public static IDataLoaderResult<TResult> Then<T, TResult>(this IDataLoaderResult<T> pending, Func<T, TResult> map) =>
        new Mapped<T, TResult>(pending, map);

    private sealed class Mapped<T, TResult>(IDataLoaderResult<T> pending, Func<T, TResult> map) : IDataLoaderResult<TResult>
    {
        public async Task<TResult> GetResultAsync(CancellationToken cancellationToken = default) =>
            map(await pending.GetResultAsync(cancellationToken));

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) =>
            await GetResultAsync(cancellationToken);
    }

    public static DocumentBatchLoader Batch(this IResolveFieldContext context) =>
        context.RequestServices!.GetRequiredService<DocumentBatchLoader>();
}
