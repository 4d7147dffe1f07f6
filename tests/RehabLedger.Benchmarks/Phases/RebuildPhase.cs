using System.Diagnostics;
using Marten;
using Marten.Events.Daemon.Coordination;
using Microsoft.Extensions.DependencyInjection;
using RehabLedger.Infrastructure.Marten;

namespace RehabLedger.Benchmarks.Phases;

/// <param name="SideBySideSeconds">Every projection rebuilt at once, each on its own task; null when that failed.</param>
/// <param name="DeserializedReadSeconds">The raw read again, each event's JSON also turned into its .NET event type.</param>
public sealed record RebuildFigures(long Events, IReadOnlyList<(string Projection, double Seconds)> Projections, double RawReadSeconds,
    double? SideBySideSeconds, string? SideBySideFailure, double DeserializedReadSeconds)
{
    public double Seconds => Projections.Sum(p => p.Seconds);
    public double PerSecond => Events / Seconds;
    public double RawReadPerSecond => Events / RawReadSeconds;
}

/// <summary>
/// Item 4: every projection rebuilt from the events table, one after another, by Marten's projection daemon, against
/// one raw sequential read of the same table (every row and its JSON body read to the client). After the bulk import
/// no projection exists yet, so this is also what makes the imported record usable; the service's daemon resumes after.
/// </summary>
public sealed class RebuildPhase(BenchmarkContext context)
{
    public async Task<RebuildFigures> RunAsync()
    {
        var coordinator = context.Host.Services.GetRequiredService<IProjectionCoordinator>();
        await coordinator.PauseAsync();
        // The import left the events table without planner statistics. With none, PostgreSQL reads each page of a
        // rebuild through the event-type index and sorts every remaining event of those types, page after page, so a
        // rebuild takes time quadratic in the events: 73 s instead of 6 s for the Episode snapshot at full size.
        await context.SettleAsync();
        var events = (await context.Store.Advanced.FetchEventStoreStatistics()).EventCount;

        BenchmarkContext.Progress($"rebuild: raw sequential read of {events:N0} events");
        var raw = Stopwatch.StartNew();
        await RawReadAsync(deserialize: false);
        raw.Stop();
        BenchmarkContext.Progress("rebuild: raw sequential read, each event deserialized");
        var deserialized = Stopwatch.StartNew();
        await RawReadAsync(deserialize: true);
        deserialized.Stop();

        var timings = new List<(string, double)>();
        using (var daemon = await context.Store.BuildProjectionDaemonAsync())
        {
            foreach (var name in context.Store.Options.Projections.All.Select(p => p.Name))
            {
                BenchmarkContext.Progress($"rebuild: {name}");
                var clock = Stopwatch.StartNew();
                await daemon.RebuildProjectionAsync(name, TimeSpan.FromHours(1), CancellationToken.None);
                // An event projection is named by its full type name; the class name is enough in a table.
                timings.Add((name[(name.LastIndexOf('.') + 1)..], clock.Elapsed.TotalSeconds));
            }
        }

        var (sideBySide, failure) = await SideBySideAsync();
        await coordinator.ResumeAsync();
        return new RebuildFigures(events, timings, raw.Elapsed.TotalSeconds, sideBySide, failure, deserialized.Elapsed.TotalSeconds);
    }

    /// <summary>Every projection rebuilt again, all at once: what the two cores give when the passes overlap.</summary>
    private async Task<(double?, string?)> SideBySideAsync()
    {
        BenchmarkContext.Progress("rebuild: every projection at once");
        try
        {
            using var daemon = await context.Store.BuildProjectionDaemonAsync();
            var clock = Stopwatch.StartNew();
            await Task.WhenAll(context.Store.Options.Projections.All.Select(p =>
                daemon.RebuildProjectionAsync(p.Name, TimeSpan.FromHours(1), CancellationToken.None)));
            return (clock.Elapsed.TotalSeconds, null);
        }
        catch (Exception e)
        {
            return (null, $"{e.GetType().Name}: {e.Message}");
        }
    }

    /// <param name="deserialize">Also turn each body into its event type with the store's serializer: the least work any
    /// projection pass does per event.</param>
    private async Task RawReadAsync(bool deserialize)
    {
        var serializer = context.Store.Options.Serializer();
        var types = new Dictionary<string, Type>();
        // The same columns as before with the event's .NET type name last, read only when deserializing.
        await using var command = context.Host.DataSource.CreateCommand(
            $"select seq_id, stream_id, version, type, data, timestamp, mt_dotnet_type from {EventStoreSetup.SchemaName}.mt_events order by seq_id");
        await using var reader = await command.ExecuteReaderAsync();
        long bytes = 0;
        while (await reader.ReadAsync())
        {
            _ = reader.GetInt64(0);
            _ = reader.GetGuid(1);
            _ = reader.GetInt64(2);
            _ = reader.GetString(3);
            var body = reader.GetString(4);
            bytes += body.Length;
            _ = reader.GetFieldValue<DateTimeOffset>(5);
            if (!deserialize) continue;
            var typeName = reader.GetString(6);
            if (!types.TryGetValue(typeName, out var eventType))
                types[typeName] = eventType = Type.GetType(typeName) ?? throw new InvalidOperationException($"Unknown event type {typeName}.");
            _ = serializer.FromJson(eventType, new MemoryStream(System.Text.Encoding.UTF8.GetBytes(body)));
        }
        if (bytes == 0) throw new InvalidOperationException("The events table is empty.");
    }
}
