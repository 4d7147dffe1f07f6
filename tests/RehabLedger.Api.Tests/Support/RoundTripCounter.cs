using System.Collections.Concurrent;
using System.Diagnostics;

namespace RehabLedger.Tests.Support;

/// <summary>
/// Counts the database round trips one HTTP request causes: every Npgsql command (a batch counts once) whose
/// trace is the request's. The request is given a known trace id through the W3C traceparent header, so work
/// of the async daemon or of other requests running meanwhile is not counted.
/// </summary>
public sealed class RoundTripCounter : IDisposable
{
    private readonly ConcurrentDictionary<ActivityTraceId, int> _counts = new();
    private readonly ActivityListener _listener;

    public RoundTripCounter()
    {
        _listener = new ActivityListener
        {
            // ASP.NET Core's requests too: their activities carry the traceparent's trace id to the commands they run.
            ShouldListenTo = source => source.Name is "Npgsql" or "Microsoft.AspNetCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStarted = activity =>
            {
                if (activity.Source.Name == "Npgsql") _counts.AddOrUpdate(activity.TraceId, 1, (_, n) => n + 1);
            },
        };
        ActivitySource.AddActivityListener(_listener);
    }

    /// <summary>A fresh trace for one request: pass <see cref="Traceparent"/> as the traceparent header.</summary>
    public static (ActivityTraceId TraceId, string Traceparent) NewTrace()
    {
        var traceId = ActivityTraceId.CreateRandom();
        return (traceId, $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01");
    }

    public int For(ActivityTraceId traceId) => _counts.GetValueOrDefault(traceId);

    public void Dispose() => _listener.Dispose();
}
