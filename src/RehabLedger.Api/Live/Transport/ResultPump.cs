using System.Threading.Channels;
using GraphQL;

namespace RehabLedger.Live.Transport;

/// <summary>
/// A subscription's results as an async stream a transport writes one at a time, whatever thread GraphQL.NET pushes
/// them on. An error of the source stream (a refusal, an expired token, an overflow) is the last result, carrying the
/// error's code; then the stream ends.
/// </summary>
public sealed class ResultPump : IObserver<ExecutionResult>, IDisposable
{
    private readonly Channel<ExecutionResult> _results = Channel.CreateUnbounded<ExecutionResult>(new UnboundedChannelOptions { SingleReader = true });
    private readonly IDisposable _subscription;
    private readonly IServiceProvider _services;

    public ResultPump(IObservable<ExecutionResult> stream, IServiceProvider services)
    {
        _services = services;
        _subscription = stream.Subscribe(this);
    }

    public IAsyncEnumerable<ExecutionResult> Results(CancellationToken ct) => _results.Reader.ReadAllAsync(ct);

    public void OnNext(ExecutionResult value) => _results.Writer.TryWrite(value);

    public void OnError(Exception error)
    {
        var coded = error as ExecutionError ?? RehabLedger.GraphQL.ErrorMapping.Report(error, _services, "A subscription's stream failed");
        _results.Writer.TryWrite(new ExecutionResult { Errors = [coded] });
        _results.Writer.TryComplete();
    }

    public void OnCompleted() => _results.Writer.TryComplete();

    public void Dispose()
    {
        _subscription.Dispose();
        _results.Writer.TryComplete();
    }
}
