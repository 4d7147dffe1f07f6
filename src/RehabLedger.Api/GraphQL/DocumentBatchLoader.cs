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
