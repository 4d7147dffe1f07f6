using System.Net.Sockets;
using Npgsql;

namespace RehabLedger.Infrastructure.Postgres;

/// <summary>
/// Tells a PostgreSQL that cannot be reached from every other failure, and keeps the log of an outage to two lines:
/// a warning when the first request fails, and an information line once the database answers again. Requests during
/// the outage are answered 503 with <see cref="RetryAfterSeconds"/> and log nothing more, so a stopped database pages
/// nobody once per request.
/// </summary>
public sealed class DatabaseOutage(string connectionString, ILogger<DatabaseOutage> logger) : IDisposable
{
    /// <summary>What the client is told to wait (<c>Retry-After</c>): about how long PostgreSQL takes to restart.</summary>
    public const string RetryAfterSeconds = "5";

    public const string Message = "The database is not available at the moment. Retry later (see Retry-After). A write may " +
        "have been saved just before the connection dropped: retried with the same expected version, it is answered CONFLICT " +
        "rather than applied twice.";

    private static readonly TimeSpan ProbeInterval = TimeSpan.FromSeconds(1);

    // Wall-clock time, not the service's TimeProvider: the clinical clock may be a fixed one (tests, replays).
    private static readonly TimeProvider Clock = TimeProvider.System;

    private readonly CancellationTokenSource _stopping = new();
    private int _down;

    /// <summary>
    /// True when <paramref name="exception"/>, or any exception inside it (Marten and Wolverine wrap the driver's), says
    /// the database could not be reached or refused work for a while: connection failures, a server shutting down or
    /// starting, too many connections. A constraint, a conflict or a bug is not an outage and is answered as such.
    /// </summary>
    public static bool IsUnavailable(Exception exception) => Chain(exception).Any(IsOutageSignal);

    /// <summary>Records a failed request; the first one of an outage logs the warning and starts watching for the end.</summary>
    public void Failed(Exception exception)
    {
        if (Interlocked.Exchange(ref _down, 1) == 1) return;
        logger.LogWarning("PostgreSQL is not reachable ({Reason}); requests are answered 503 with Retry-After until it answers again",
            Reason(exception));
        _ = WatchForRecoveryAsync(Clock.GetTimestamp());
    }

    public void Dispose()
    {
        _stopping.Cancel();
        _stopping.Dispose();
    }

    private async Task WatchForRecoveryAsync(long since)
    {
        var probe = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, Timeout = 2 }.ConnectionString;
        try
        {
            while (true)
            {
                await Task.Delay(ProbeInterval, Clock, _stopping.Token);
                try
                {
                    await using var connection = new NpgsqlConnection(probe);
                    await connection.OpenAsync(_stopping.Token);
                    break;
                }
                catch (Exception e) when (IsUnavailable(e))
                {
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException)
        {
            return; // the service is stopping
        }
        Volatile.Write(ref _down, 0);
        logger.LogInformation("PostgreSQL answers again after {Seconds:0.0} s", Clock.GetElapsedTime(since).TotalSeconds);
    }

    private static bool IsOutageSignal(Exception exception) => exception switch
    {
        PostgresException server => IsOutageState(server.SqlState),
        // The driver's own failures to reach, read from or write to the server (refused, reset, timed out on connect).
        NpgsqlException npgsql => npgsql.InnerException is SocketException or IOException or TimeoutException,
        SocketException => true,
        _ => false,
    };

    // Class 08: connection exceptions. 57P01-57P03: the server is shutting down, crashed or still starting.
    // 53300: too many connections. Others (constraint violations, serialization failures, syntax) are not outages.
    private static bool IsOutageState(string sqlState) =>
        sqlState.StartsWith("08", StringComparison.Ordinal)
        || sqlState is PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow
            or PostgresErrorCodes.TooManyConnections;

    private static IEnumerable<Exception> Chain(Exception exception)
    {
        var pending = new Stack<Exception>([exception]);
        var seen = 0;
        // Bounded: a pathological chain must not turn error handling into a hang.
        while (pending.Count > 0 && seen++ < 32)
        {
            var current = pending.Pop();
            yield return current;
            if (current is AggregateException aggregate)
                foreach (var inner in aggregate.InnerExceptions) pending.Push(inner);
            else if (current.InnerException is { } inner)
                pending.Push(inner);
        }
    }

    // The type and SQL state only: driver messages can quote a statement, and statements can quote records.
    private static string Reason(Exception exception)
    {
        var signal = Chain(exception).FirstOrDefault(IsOutageSignal) ?? exception;
        return signal is PostgresException server ? $"{server.GetType().Name} {server.SqlState}" :
            signal.InnerException is { } inner ? $"{signal.GetType().Name}: {inner.GetType().Name}" : signal.GetType().Name;
    }
}
