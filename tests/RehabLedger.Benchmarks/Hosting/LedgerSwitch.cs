using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using RehabLedger.MerkleLog;

namespace RehabLedger.Benchmarks.Hosting;

/// <summary>
/// Stops and starts the log's producer (the daemon's <c>ledger</c> subscription agent) for a round of the benchmark,
/// as an operator could through the daemon. The service has no setting that runs it without the log. Stopped, the
/// agent produces no heads; started again, it resumes from its stored progress and logs every event it missed, which
/// <see cref="OnAsync"/> waits for, so a round with the log measures the log keeping up, not catching up.
/// </summary>
internal sealed class LedgerSwitch(BenchmarkHost host)
{
    private IProjectionDaemon Daemon => host.Services.GetRequiredService<IProjectionCoordinator>().DaemonForMainDatabase();
    private ShardName? _shard;
    private long? _stoppedAt;

    public async Task OffAsync()
    {
        await OnAsync();
        _shard ??= Daemon.CurrentAgents().Single(a => a.Name.Name == LedgerProducer.SubscriptionName).Name;
        await Daemon.StopAgentAsync(_shard);
        _stoppedAt = await LoggedUpToAsync();
    }

    /// <summary>Starts the producer if it was stopped, and waits until the log covers every event written so far.</summary>
    public async Task OnAsync()
    {
        if (_stoppedAt is { } stoppedAt)
        {
            // A figure "without the log" is only that if nothing logged during it.
            if (await LoggedUpToAsync() != stoppedAt)
                throw new InvalidOperationException("The log grew while its producer was stopped: the round without it was not without it.");
            await Daemon.StartAgentAsync(_shard!, CancellationToken.None);
            _stoppedAt = null;
        }
        await using var session = host.Store.QuerySession();
        await host.Services.GetRequiredService<LedgerProgress>()
            .WaitForAsync(await LastSequenceAsync(), session, new CancellationTokenSource(TimeSpan.FromMinutes(10)).Token);
    }

    private async Task<long> LoggedUpToAsync()
    {
        await using var session = host.Store.QuerySession();
        return (await LedgerStore.Extent(session, CancellationToken.None)).LastSequence;
    }

    private async Task<long> LastSequenceAsync()
    {
        await using var command = host.DataSource.CreateCommand(
            $"select coalesce(max(seq_id), 0) from {host.Store.Options.Events.DatabaseSchemaName}.mt_events");
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
