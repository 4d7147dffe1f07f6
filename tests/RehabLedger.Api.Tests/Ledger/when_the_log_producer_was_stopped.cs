using JasperFx.Events.Daemon;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using RehabLedger.MerkleLog;
using RehabLedger.Tests.Support;
using static RehabLedger.Tests.Support.AuditApi;
using static RehabLedger.Tests.Support.LedgerApi;

namespace RehabLedger.Tests.MerkleLog;

/// <summary>
/// The service has no setting that runs it without the log; an operator (and the benchmark's item 8) stops the
/// daemon's <c>ledger</c> agent instead. docs/05-auditing.md promises that, started again, it logs what it missed.
/// </summary>
public sealed class when_the_log_producer_was_stopped(AppFixture fixture) : AppScenario(fixture)
{
    [Fact]
    public async Task started_again_it_logs_every_event_written_meanwhile_and_the_log_verifies()
    {
        var e = await Host.OpenEpisode(Today.AddDays(-5));
        // A head over the episode: the agent is running, so there is one to stop.
        await Host.HeadCoveringEverything();
        var daemon = Host.Services.GetRequiredService<IProjectionCoordinator>().DaemonForMainDatabase();
        var shard = daemon.CurrentAgents().Single(a => a.Name.Name == LedgerProducer.SubscriptionName).Name;
        await daemon.StopAgentAsync(shard);
        try
        {
            await Host.Prescribe(Dana, e.EpisodeId, e.Version, Today.AddDays(-4), "Bridging", Dosage());
        }
        finally
        {
            await daemon.StartAgentAsync(shard, CancellationToken.None);
        }

        var stored = await Host.HeadCoveringEverything();
        stored.Head.LastSequence.ShouldBe(await Fixture.Store.LastSequence());
        var report = (await GraphQL(Verification, new { from = 1, to = stored.Head.LastSequence })).Ok()["ledgerVerification"]!;
        report["ok"]!.GetValue<bool>().ShouldBeTrue(report.ToJsonString());
        report["firstBadSequence"].ShouldBeNull();
    }
}
