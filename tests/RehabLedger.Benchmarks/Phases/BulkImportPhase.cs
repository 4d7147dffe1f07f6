using System.Diagnostics;
using JasperFx.Events;
using Marten.Events.Daemon.Coordination;
using Microsoft.Extensions.DependencyInjection;
using NpgsqlTypes;
using RehabLedger.Benchmarks.Baselines;
using RehabLedger.Benchmarks.Data;

namespace RehabLedger.Benchmarks.Phases;

/// <summary>Events per second of Marten's bulk event insert and of a raw binary COPY of the same rows.</summary>
public sealed record BulkFigures(long Events, int Streams, double MartenSeconds, double CopySeconds)
{
    public double MartenPerSecond => Events / MartenSeconds;
    public double CopyPerSecond => Events / CopySeconds;
}

/// <summary>
/// Item 2: the generated record imported as a clinic migrating from another system would, through Marten's bulk
/// event insert (<c>BulkInsertEventsAsync</c>: COPY into <c>mt_streams</c> and <c>mt_events</c>, no inline projections),
/// against a raw Npgsql binary COPY of the same stream and event rows into tables shaped like Marten's. Both sides
/// serialize the events inside the timing. The projection daemon is paused, so the rebuild phase builds every
/// projection from nothing.
/// </summary>
public sealed class BulkImportPhase(BenchmarkContext context)
{
    private const string CorrelationId = "legacy-emr-import";

    public async Task<BulkFigures> RunAsync(ClinicalRecord record)
    {
        await context.Host.Services.GetRequiredService<IProjectionCoordinator>().PauseAsync();

        BenchmarkContext.Progress($"bulk import: raw COPY of {record.EventCount:N0} events");
        var copy = Stopwatch.StartNew();
        await RawCopyAsync(record);
        copy.Stop();
        await RawEventTable.DropAsync(context.Host.DataSource);

        BenchmarkContext.Progress($"bulk import: Marten BulkInsertEventsAsync of {record.EventCount:N0} events");
        var marten = Stopwatch.StartNew();
        var actions = record.Streams.Select(ToStreamAction).ToList();
        await context.Store.BulkInsertEventsAsync(actions);
        marten.Stop();

        return new BulkFigures(record.EventCount, record.Streams.Count, marten.Elapsed.TotalSeconds, copy.Elapsed.TotalSeconds);
    }

    private StreamAction ToStreamAction(GeneratedStream stream)
    {
        var action = StreamAction.Start((IEventRegistry)context.Store.Options.Events, stream.Id, stream.Events.ToArray());
        action.AggregateType = stream.AggregateType;
        for (var i = 0; i < action.Events.Count; i++)
        {
            action.Events[i].Timestamp = stream.RecordedAt[i];
            action.Events[i].CorrelationId = CorrelationId;
        }
        return action;
    }

    private async Task RawCopyAsync(ClinicalRecord record)
    {
        var streams = await RawEventTable.CreateStreamsAsync(context.Host.DataSource, "copy_streams");
        var events = await RawEventTable.CreateEventsAsync(context.Host.DataSource, "copy_events");
        var serializer = context.Store.Options.Serializer();
        await using var connection = await context.Host.DataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();

        await using (var importer = await connection.BeginBinaryImportAsync(
            $"copy {streams} (id, type, version, timestamp, created) from stdin (format binary)"))
        {
            foreach (var stream in record.Streams)
            {
                await importer.StartRowAsync();
                await importer.WriteAsync(stream.Id, NpgsqlDbType.Uuid);
                await importer.WriteAsync(stream.AggregateType.Name, NpgsqlDbType.Varchar);
                await importer.WriteAsync((long)stream.Events.Count, NpgsqlDbType.Bigint);
                await importer.WriteAsync(stream.RecordedAt[^1], NpgsqlDbType.TimestampTz);
                await importer.WriteAsync(stream.RecordedAt[0], NpgsqlDbType.TimestampTz);
            }
            await importer.CompleteAsync();
        }

        await using (var importer = await connection.BeginBinaryImportAsync(
            $"copy {events} (seq_id, id, stream_id, version, data, type, timestamp, correlation_id) from stdin (format binary)"))
        {
            long sequence = 0;
            foreach (var stream in record.Streams)
            {
                for (var i = 0; i < stream.Events.Count; i++)
                {
                    var e = stream.Events[i];
                    await importer.StartRowAsync();
                    await importer.WriteAsync(++sequence, NpgsqlDbType.Bigint);
                    await importer.WriteAsync(Guid.CreateVersion7(), NpgsqlDbType.Uuid);
                    await importer.WriteAsync(stream.Id, NpgsqlDbType.Uuid);
                    await importer.WriteAsync((long)i + 1, NpgsqlDbType.Bigint);
                    await importer.WriteAsync(serializer.ToJson(e), NpgsqlDbType.Jsonb);
                    await importer.WriteAsync(RawEventTable.EventTypeName(e.GetType()), NpgsqlDbType.Varchar);
                    await importer.WriteAsync(stream.RecordedAt[i], NpgsqlDbType.TimestampTz);
                    await importer.WriteAsync(CorrelationId, NpgsqlDbType.Varchar);
                }
            }
            await importer.CompleteAsync();
        }
        await transaction.CommitAsync();
    }
}
