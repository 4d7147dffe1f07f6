namespace RehabLedger.Benchmarks.Measurement;

/// <summary>
/// The process's peak working set during each phase, sampled every 50 ms. The benchmark hosts the service in its own
/// process, so this is the service's memory plus the load generator's (small next to it); PostgreSQL runs in its
/// own processes and is not counted.
/// </summary>
public sealed class MemorySampler : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private long _peak;

    public MemorySampler() => _loop = Task.Run(SampleAsync);

    public List<(string Phase, long PeakBytes)> Phases { get; } = [];

    /// <summary>Starts a phase; disposing it records the peak seen since.</summary>
    public IDisposable Phase(string name)
    {
        Interlocked.Exchange(ref _peak, Environment.WorkingSet);
        return new PhaseScope(this, name);
    }

    private async Task SampleAsync()
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(50));
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token)) Observe();
        }
        catch (OperationCanceledException)
        {
        }
    }

    private void Observe()
    {
        var now = Environment.WorkingSet;
        long seen;
        while (now > (seen = Interlocked.Read(ref _peak)) && Interlocked.CompareExchange(ref _peak, now, seen) != seen)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }

    private sealed class PhaseScope(MemorySampler sampler, string name) : IDisposable
    {
        public void Dispose()
        {
            sampler.Observe();
            sampler.Phases.Add((name, Interlocked.Read(ref sampler._peak)));
        }
    }
}
