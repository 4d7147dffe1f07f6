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
    private readonly Dictionary<Type, object> _batches = [];

    public IDataLoaderResult<T?> Load<T>(Guid id, Func<T, Guid> idOf) where T : class
    {
        if (!_batches.TryGetValue(typeof(T), out var batch)) _batches[typeof(T)] = batch = new Batch<T>(session, idOf);
        return ((Batch<T>)batch).Add(id);
    }

    /// <summary>
    /// Batches anything looked up by an id that one query can fetch for many ids at once, such as the entries of
    /// several episodes. <paramref name="name"/> tells batches of the same result type apart.
    /// </summary>
    /// <param name="fetch">Answers for every id asked for; an id it leaves out gets <paramref name="missing"/>.</param>
    public IDataLoaderResult<TResult> LoadBy<TResult>(string name, Guid id,
        Func<IQuerySession, Guid[], CancellationToken, Task<IReadOnlyDictionary<Guid, TResult>>> fetch, TResult missing)
    {
        var key = (typeof(TResult), name);
        if (!_keyed.TryGetValue(key, out var batch)) _keyed[key] = batch = new KeyedBatch<TResult>(session, fetch, missing);
        return ((KeyedBatch<TResult>)batch).Add(id);
    }

    private readonly Dictionary<(Type, string), object> _keyed = [];

    private sealed class KeyedBatch<TResult>(IQuerySession session,
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

        private sealed class Pending(KeyedBatch<TResult> batch, Guid id) : IDataLoaderResult<TResult>
        {
            public Task<TResult> GetResultAsync(CancellationToken cancellationToken = default) => batch.GetAsync(id, cancellationToken);

            async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) =>
                await GetResultAsync(cancellationToken);
        }
    }

    private sealed class Batch<T>(IQuerySession session, Func<T, Guid> idOf) where T : class
    {
        private readonly HashSet<Guid> _pending = [];
        private readonly Dictionary<Guid, T?> _loaded = [];

        public IDataLoaderResult<T?> Add(Guid id)
        {
            if (!_loaded.ContainsKey(id)) _pending.Add(id);
            return new Pending(this, id);
        }

        private async Task<T?> GetAsync(Guid id, CancellationToken ct)
        {
            if (_pending.Count > 0)
            {
                var ids = _pending.ToArray();
                _pending.Clear();
                var documents = await session.LoadManyAsync<T>(ct, ids);
                foreach (var missing in ids) _loaded[missing] = null;
                foreach (var document in documents) _loaded[idOf(document)] = document;
            }
            return _loaded.GetValueOrDefault(id);
        }

        private sealed class Pending(Batch<T> batch, Guid id) : IDataLoaderResult<T?>
        {
            public Task<T?> GetResultAsync(CancellationToken cancellationToken = default) => batch.GetAsync(id, cancellationToken);

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
