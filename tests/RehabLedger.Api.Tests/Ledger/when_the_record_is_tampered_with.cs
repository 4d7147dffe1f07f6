using System.Diagnostics;
using System.Text.Json;
using RehabLedger.MerkleLog;
using RehabLedger.Tests.Support;
using RehabLedger.Verify;
using static RehabLedger.Tests.Support.AuditApi;
using static RehabLedger.Tests.Support.LedgerApi;

namespace RehabLedger.Tests.MerkleLog;

/// <summary>
/// A superuser switches the guard off (docs/05-auditing.md) and rewrites history in each of the ways an attacker
/// would. The service's verification and the outside verifier, given the head the auditor kept before, each detect
/// it and name the first bad sequence.
/// </summary>
public sealed class when_the_record_is_tampered_with(AppFixture fixture) : AppScenario(fixture)
{
    public enum Tampering { BodyChanged, RowDeleted, RowsSwapped, ForgedRowInserted, TailCut, StoredHeadAltered }

    private string Events => $"{Fixture.Store.Options.Events.DatabaseSchemaName}.mt_events";

    /// <summary>Ten events or so, with a sequence number left unused in the middle, as a rolled-back append leaves one.</summary>
    private async Task<(long[] Sequences, long Gap)> Record()
    {
        var e = await Host.OpenEpisode(Today.AddDays(-10));
        var v = e.Version;
        for (var i = 0; i < 3; i++) (_, _, v) = await Host.Prescribe(Dana, e.EpisodeId, v, Today.AddDays(-9), $"Exercise {i}", Dosage());
        await LedgerGuard.Execute(Fixture.Store, $"select nextval('{Events}_sequence')");
        var gap = await Fixture.Store.LastSequence() + 1;
        for (var i = 3; i < 6; i++) (_, _, v) = await Host.Prescribe(Marcus, e.EpisodeId, v, Today.AddDays(-8), $"Exercise {i}", Dosage());
        await Host.HeadCoveringEverything();
        var sequences = (await Host.AllAuditEvents()).Select(x => x.Long("sequence")).Order().ToArray();
        return (sequences, gap);
    }

    private async Task<long> Tamper(Tampering tampering, long[] sequences, long gap, Head kept)
    {
        var (middle, later, last) = (sequences[^4], sequences[^2], sequences[^1]);
        var schema = Fixture.Store.Options.Events.DatabaseSchemaName;
        var (sql, firstBad) = tampering switch
        {
            Tampering.BodyChanged => ($"update {Events} set data = jsonb_set(data, '{{name}}', '\"Forged\"') where seq_id = {middle}", middle),
            Tampering.RowDeleted => ($"delete from {Events} where seq_id = {middle}", middle),
            Tampering.RowsSwapped => ($"update {Events} set seq_id = -1 where seq_id = {middle}; update {Events} set seq_id = {middle} where seq_id = {later}; " +
                                      $"update {Events} set seq_id = {later} where seq_id = -1", middle),
            Tampering.ForgedRowInserted => ($"create temp table forged as select * from {Events} where seq_id = {later}; " +
                                            $"update forged set seq_id = {gap}, id = gen_random_uuid(), version = version + 1000, " +
                                            $"data = jsonb_set(data, '{{name}}', '\"Forged\"'); insert into {Events} select * from forged", gap),
            Tampering.TailCut => ($"delete from {Events} where seq_id >= {later}", later),
            Tampering.StoredHeadAltered => ($"update {schema}.{LedgerTables.Heads} set root_hash = sha256(root_hash) where tree_size = {kept.TreeSize}", kept.LastSequence),
            _ => throw new ArgumentOutOfRangeException(nameof(tampering)),
        };
        await LedgerGuard.SwitchOff(Fixture.Store);
        try
        {
            await LedgerGuard.Execute(Fixture.Store, sql);
        }
        finally
        {
            await LedgerGuard.SwitchOn(Fixture.Store);
        }
        return firstBad;
    }

    [Theory]
    [InlineData(Tampering.BodyChanged)]
    [InlineData(Tampering.RowDeleted)]
    [InlineData(Tampering.RowsSwapped)]
    [InlineData(Tampering.ForgedRowInserted)]
    [InlineData(Tampering.TailCut)]
    [InlineData(Tampering.StoredHeadAltered)]
    public async Task the_verification_query_and_the_outside_verifier_name_the_first_bad_sequence(Tampering tampering)
    {
        var (sequences, gap) = await Record();
        var kept = await Host.SignedHead();
        var key = await Host.PublishedKey();
        ExportCheck.Run(Lines(await Host.ExportText()), kept, key).Ok.ShouldBeTrue();

        var firstBad = await Tamper(tampering, sequences, gap, kept);

        var report = (await GraphQL(Verification, new { from = 1, to = kept.LastSequence })).Ok()["ledgerVerification"]!;
        report["ok"]!.GetValue<bool>().ShouldBeFalse();
        report.Long("firstBadSequence").ShouldBe(firstBad, report.ToJsonString());

        // The auditor's own check: the head they kept, or for a stored head, the one the service now serves.
        var head = tampering == Tampering.StoredHeadAltered ? await Host.SignedHead(kept.TreeSize) : kept;
        var finding = ExportCheck.Run(Lines(await Host.ExportText($"?to={kept.LastSequence}")), head, key);
        finding.Ok.ShouldBeFalse();
        finding.FirstBadSequence.ShouldBe(firstBad, finding.ToString());
    }

    [Fact]
    public async Task the_verifier_run_as_a_program_accepts_the_intact_export_and_names_the_altered_event()
    {
        var (sequences, gap) = await Record();
        var kept = await Host.SignedHead();
        var folder = Directory.CreateTempSubdirectory("rehabledger-verify-");
        try
        {
            var (events, head, key) = (Path.Combine(folder.FullName, "events.ndjson"), Path.Combine(folder.FullName, "head.json"),
                Path.Combine(folder.FullName, "key.pem"));
            await File.WriteAllTextAsync(head, JsonSerializer.Serialize(kept, Json));
            await File.WriteAllTextAsync(key, (await Host.Get(LedgerExport.KeyRoute, bearer: "")).Body);
            await File.WriteAllTextAsync(events, await Host.ExportText());
            var (intact, said) = await Verify("export", events, head, key);
            (intact, said).ShouldBe((0, said));
            said.ShouldStartWith("OK");

            var firstBad = await Tamper(Tampering.BodyChanged, sequences, gap, kept);
            await File.WriteAllTextAsync(events, await Host.ExportText($"?to={kept.LastSequence}"));
            var (tampered, report) = await Verify("export", events, head, key);
            tampered.ShouldBe(1);
            report.ShouldContain($"EVENT_ALTERED at sequence {firstBad}");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static async Task<(int ExitCode, string Output)> Verify(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "rehabledger-verify.dll"), .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token);
        return (process.ExitCode, await output + await error);
    }
}
