using System.Diagnostics;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using RehabLedger.MerkleLog;

namespace RehabLedger.Benchmarks.Phases;

public sealed record LedgerFigures(long Events, double CatchUpSeconds, double VerifySeconds, double RawReadPerSecond, bool Intact)
{
    public double VerifyPerSecond => Events / VerifySeconds;
}

/// <summary>The verification of the grown store's first events against a raw read of the same rows.</summary>
public sealed record LedgerScaleFigures(long Events, double VerifySeconds, double RawReadSeconds, bool Intact)
{
    public double VerifyPerSecond => Events / VerifySeconds;
    public double RawReadPerSecond => Events / RawReadSeconds;
}

/// <summary>
/// Issue 14, item 8: the tamper-evident log over the imported record. First how long the daemon's leader takes to log
/// every imported event (the log's own catch-up, from the bulk import on), then the verification of every event, range
/// by range as an auditor asks it, against the raw sequential read of the same rows measured in the rebuild phase.
/// After the growth, the verification of the first <see cref="ScaleEvents"/> events (all of them in a quick run's
/// smaller store) against a raw read of exactly those rows.
/// </summary>
public sealed class LedgerPhase(BenchmarkContext context)
{
    public const long ScaleEvents = 1_000_000;

    public async Task<LedgerFigures> RunAsync(Stopwatch sinceImport, double rawReadPerSecond)
    {
        var last = await WaitForLogAsync();
        var catchUp = sinceImport.Elapsed.TotalSeconds;
        BenchmarkContext.Progress("ledger: verifying every event");
        var clock = Stopwatch.StartNew();
        var (events, intact) = await VerifyAsync(last);
        return new LedgerFigures(events, catchUp, clock.Elapsed.TotalSeconds, rawReadPerSecond, intact);
    }

    public async Task<LedgerScaleFigures> RunAtScaleAsync()
    {
        var upTo = Math.Min(ScaleEvents, await WaitForLogAsync());
        await context.SettleAsync();
        BenchmarkContext.Progress($"ledger: raw read of the first {upTo:#,0} events");
        var before = await RawReadAsync(upTo);
        BenchmarkContext.Progress($"ledger: verifying the first {upTo:#,0} events");
        var clock = Stopwatch.StartNew();
        var (events, intact) = await VerifyAsync(upTo);
        var verify = clock.Elapsed.TotalSeconds;
        // Read once before and once after: the first may pay for pages the verification then finds cached.
        BenchmarkContext.Progress($"ledger: raw read of the first {upTo:#,0} events, again");
        var after = await RawReadAsync(upTo);
        return new LedgerScaleFigures(events, verify, Math.Min(before, after), intact);
    }

    private async Task<long> WaitForLogAsync()
    {
        await using var session = context.Store.QuerySession();
        var last = await LastSequence();
        BenchmarkContext.Progress($"ledger: waiting for the log to cover {last:#,0} sequences");
        await context.Host.Services.GetRequiredService<LedgerProgress>().WaitForAsync(last, session, new CancellationTokenSource(TimeSpan.FromHours(1)).Token);
        return last;
    }

    /// <summary>Sequences 1 to <paramref name="last"/>, range by range as an auditor asks for them.</summary>
    private async Task<(long Events, bool Intact)> VerifyAsync(long last)
    {
        var signer = context.Host.Services.GetRequiredService<LedgerSigner>();
        await using var session = context.Store.QuerySession();
        long events = 0;
        var intact = true;
        for (var from = 1L; from <= last; from += LedgerVerification.MaxRange)
        {
            var report = await LedgerVerification.Run(session, signer, from, Math.Min(last, from + LedgerVerification.MaxRange - 1), CancellationToken.None);
            events += report.CheckedEvents;
            intact &= report.Ok;
        }
        return (events, intact);
    }

    /// <summary>Seconds to read the rows the verification reads, with the columns it encodes, to the client and no further.</summary>
    private async Task<double> RawReadAsync(long upTo)
    {
        var clock = Stopwatch.StartNew();
        await using var command = context.Host.DataSource.CreateCommand($"""
            select seq_id, id, stream_id, version, type, timestamp, user_name, correlation_id, causation_id, headers::text, data::text
            from {context.Store.Options.Events.DatabaseSchemaName}.mt_events where seq_id <= $1 order by seq_id
            """);
        command.Parameters.Add(new Npgsql.NpgsqlParameter<long> { TypedValue = upTo });
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            _ = reader.GetInt64(0);
            _ = reader.GetGuid(1);
            _ = reader.GetGuid(2);
            _ = reader.GetInt64(3);
            _ = reader.GetString(4);
            _ = reader.GetFieldValue<DateTimeOffset>(5);
            for (var text = 6; text <= 10; text++)
                if (!reader.IsDBNull(text)) _ = reader.GetString(text);
        }
        return clock.Elapsed.TotalSeconds;
    }

    private async Task<long> LastSequence()
    {
        await using var command = context.Host.DataSource.CreateCommand(
            $"select coalesce(max(seq_id), 0) from {context.Store.Options.Events.DatabaseSchemaName}.mt_events");
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
