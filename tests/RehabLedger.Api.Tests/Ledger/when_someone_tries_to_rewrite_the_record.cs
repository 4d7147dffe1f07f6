using Npgsql;
using RehabLedger.MerkleLog;
using RehabLedger.Tests.Support;
using static RehabLedger.Tests.Support.AuditApi;

namespace RehabLedger.Tests.MerkleLog;

/// <summary>
/// The events and the log's tables refuse UPDATE, DELETE and TRUNCATE to the role the service connects as (which
/// owns them), while appending goes on: every other scenario of the suite appends through Marten with the guard on.
/// </summary>
public sealed class when_someone_tries_to_rewrite_the_record(AppFixture fixture) : AppScenario(fixture)
{
    public static TheoryData<string, string> Rewrites()
    {
        var data = new TheoryData<string, string>();
        foreach (var table in LedgerTables.Guarded)
        {
            data.Add(table, $"update {{0}}.{table} set {(table == "mt_events" ? "type = 'forged'" : table == LedgerTables.Heads ? "lag_ms = 0" : "idx = idx")}");
            data.Add(table, $"delete from {{0}}.{table}");
            data.Add(table, $"truncate {{0}}.{table}");
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Rewrites))]
    public async Task each_rewrite_is_refused_and_changes_nothing(string table, string statement)
    {
        var e = await Host.OpenEpisode(Today.AddDays(-3));
        await Host.Prescribe(Dana, e.EpisodeId, e.Version, Today, "Bridge", Dosage());
        await Host.HeadCoveringEverything();
        var before = await EventCount();

        var refused = await Should.ThrowAsync<PostgresException>(() =>
            LedgerGuard.Execute(Fixture.Store, string.Format(statement, Fixture.Store.Options.Events.DatabaseSchemaName)));

        refused.SqlState.ShouldBe(PostgresErrorCodes.InsufficientPrivilege);
        refused.MessageText.ShouldContain($"on {Fixture.Store.Options.Events.DatabaseSchemaName}.{table} is refused");
        (await EventCount()).ShouldBe(before);
        var report = (await GraphQL(LedgerApi.Verification, new { from = 1, to = await Fixture.Store.LastSequence() })).Ok()["ledgerVerification"]!;
        report["ok"]!.GetValue<bool>().ShouldBeTrue(report.ToJsonString());
    }
}
