using System.Diagnostics;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using RehabLedger.MerkleLog;

namespace RehabLedger.Benchmarks.Phases;

public sealed record LedgerFigures(long Events, double CatchUpSeconds, double VerifySeconds, double RawReadPerSecond, bool Intact)
{
    public double VerifyPerSecond => Events / VerifySeconds;
}

/// <summary>
/// Issue 14, item 8: the tamper-evident log over the imported record. First how long the daemon's leader takes to log
/// every imported event (the log's own catch-up, from the bulk import on), then the verification of every event, range
/// by range as an auditor asks it, against the raw sequential read of the same rows measured in the rebuild phase.
/// </summary>
public sealed class LedgerPhase(BenchmarkContext context)
{
    public async Task<LedgerFigures> RunAsync(Stopwatch sinceImport, double rawReadPerSecond)
    {
        var services = context.Host.Services;
        await using var session = context.Store.QuerySession();
        var last = await LastSequence();
        BenchmarkContext.Progress($"ledger: waiting for the log to cover {last:#,0} sequences");
        await services.GetRequiredService<LedgerProgress>().WaitForAsync(last, session, new CancellationTokenSource(TimeSpan.FromHours(1)).Token);
        var catchUp = sinceImport.Elapsed.TotalSeconds;

        BenchmarkContext.Progress("ledger: verifying every event");
        var signer = services.GetRequiredService<LedgerSigner>();
        var clock = Stopwatch.StartNew();
        long events = 0;
        var intact = true;
        for (var from = 1L; from <= last; from += LedgerVerification.MaxRange)
        {
            var report = await LedgerVerification.Run(session, signer, from, Math.Min(last, from + LedgerVerification.MaxRange - 1), CancellationToken.None);
            events += report.CheckedEvents;
            intact &= report.Ok;
        }
        return new LedgerFigures(events, catchUp, clock.Elapsed.TotalSeconds, rawReadPerSecond, intact);
    }

    private async Task<long> LastSequence()
    {
        await using var command = context.Host.DataSource.CreateCommand(
            $"select coalesce(max(seq_id), 0) from {context.Store.Options.Events.DatabaseSchemaName}.mt_events");
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
