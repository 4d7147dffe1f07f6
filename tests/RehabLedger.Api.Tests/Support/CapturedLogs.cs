using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace RehabLedger.Tests.Support;

/// <summary>One line a host logged, as a log shipper would see it: level, category, text and exception.</summary>
public sealed record LoggedLine(LogLevel Level, string Category, string Text)
{
    public override string ToString() => $"{Level} {Category}: {Text}";
}

/// <summary>
/// A logger provider that keeps every line a host writes, whatever the configured levels let through, so a test can
/// read what an operator would read. Waiting for a line is waiting on the thing itself, not on time.
/// </summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<LoggedLine> _lines = new();
    private readonly List<(Func<LoggedLine, bool> Match, TaskCompletionSource Seen)> _waiting = [];

    public IReadOnlyList<LoggedLine> Lines => [.. _lines];

    public void Clear() => _lines.Clear();

    public Task WaitFor(Func<LoggedLine, bool> match, TimeSpan timeout)
    {
        var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_waiting) _waiting.Add((match, seen));
        if (_lines.Any(match)) seen.TrySetResult();
        return seen.Task.WaitAsync(timeout);
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private void Add(LoggedLine line)
    {
        _lines.Enqueue(line);
        lock (_waiting)
            foreach (var (match, seen) in _waiting.Where(w => w.Match(line)))
                seen.TrySetResult();
    }

    private sealed class Logger(CapturedLogs logs, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            // The structured values too: a JSON log shipper writes every one of them, not only the formatted message.
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(" ", pairs.Select(p => $"{p.Key}={p.Value}")) : "";
            logs.Add(new LoggedLine(logLevel, category, $"{formatter(state, exception)} {values}{(exception is null ? "" : "\n" + exception)}"));
        }
    }
}
