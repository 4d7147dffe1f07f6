namespace RehabLedger.Live;

/// <summary>
/// An async stream as the <see cref="IObservable{T}"/> GraphQL.NET's subscription execution takes: each subscriber runs
/// the stream once, until it ends, fails (OnError) or the subscriber disposes of its subscription, which cancels it.
/// </summary>
public sealed class AsyncEnumerableObservable<T>(Func<CancellationToken, IAsyncEnumerable<T>> source) : IObservable<T>
{
    public IDisposable Subscribe(IObserver<T> observer)
    {
        var stop = new CancellationTokenSource();
        _ = Run(observer, stop.Token);
        return new Unsubscriber(stop);
    }

    private async Task Run(IObserver<T> observer, CancellationToken ct)
    {
        try
        {
            await foreach (var item in source(ct).WithCancellation(ct))
                observer.OnNext(item);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return;
        }
        catch (Exception e)
        {
            observer.OnError(e);
            return;
        }
        observer.OnCompleted();
    }

    private sealed class Unsubscriber(CancellationTokenSource stop) : IDisposable
    {
        // Cancelled, not disposed: the stream may still be unwinding with its token.
        public void Dispose() => stop.Cancel();
    }
}
