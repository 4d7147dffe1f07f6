using System.Diagnostics;
using Marten;
using Marten.Events.Daemon.Coordination;
using Microsoft.Extensions.DependencyInjection;
using RehabLedger.Infrastructure.Marten;

namespace RehabLedger.Benchmarks.Phases;

public sealed record RebuildFigures(long Events, IReadOnlyList<(string Projection, double Seconds)> Projections, double RawReadSeconds)
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
        var events = (await context.Store.Advanced.FetchEventStoreStatistics()).EventCount;

        BenchmarkContext.Progress($"rebuild: raw sequential read of {events:N0} events");
        var raw = Stopwatch.StartNew();
        await RawReadAsync();
        raw.Stop();

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

        await coordinator.ResumeAsync();
        return new RebuildFigures(events, timings, raw.Elapsed.TotalSeconds);
    }

    private async Task RawReadAsync()
    {
        await using var command = context.Host.DataSource.CreateCommand(
            $"select seq_id, stream_id, version, type, data, timestamp from {EventStoreSetup.SchemaName}.mt_events order by seq_id");
        await using var reader = await command.ExecuteReaderAsync();
        long bytes = 0;
        while (await reader.ReadAsync())
        {
            _ = reader.GetInt64(0);
            _ = reader.GetGuid(1);
            _ = reader.GetInt64(2);
            _ = reader.GetString(3);
            bytes += reader.GetString(4).Length;
            _ = reader.GetFieldValue<DateTimeOffset>(5);
        }
        if (bytes == 0) throw new InvalidOperationException("The events table is empty.");
    }
}
