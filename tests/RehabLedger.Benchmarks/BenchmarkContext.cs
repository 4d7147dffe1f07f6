using Marten;
using RehabLedger.Benchmarks.Data;
using RehabLedger.Benchmarks.Hosting;
using RehabLedger.Common;
using RehabLedger.Infrastructure.Marten;

namespace RehabLedger.Benchmarks;

/// <summary>What every phase works with: the running service, the size, and the generated record.</summary>
public sealed class BenchmarkContext(BenchmarkHost host, BenchmarkSize size)
{
    public BenchmarkHost Host { get; } = host;
    public BenchmarkSize Size { get; } = size;
    public DocumentStore Store => (DocumentStore)Host.Store;
    public DateOnly Today { get; } = TimeProvider.System.Today();
    public ClinicalRecord Record { get; set; } = null!;

    /// <summary>The active episodes the write phases record sessions on.</summary>
    public IReadOnlyList<WriteTarget> WriteTargets { get; private set; } = [];

    /// <summary>Versions of <see cref="WriteTargets"/> as the write phases move them on.</summary>
    public long[] WriteTargetVersions { get; private set; } = [];

    /// <summary>
    /// Every write adds a session to its episode, and the documents a session rewrites grow with the episode. Each
    /// write phase therefore starts on episodes of the generated size, so a later phase does not pay for the
    /// sessions an earlier one added.
    /// </summary>
    public void UseWriteTargets(IReadOnlyList<WriteTarget> targets)
    {
        WriteTargets = targets;
        WriteTargetVersions = targets.Select(t => t.Version).ToArray();
    }

    /// <summary>
    /// Vacuums and analyzes the service's tables before a measured phase. The phase before left dead row versions
    /// and stale planner statistics that autovacuum would clear within a minute on a running service; a run moves
    /// faster than that, and without this the figures would depend on what the previous phase happened to leave.
    /// </summary>
    public async Task SettleAsync()
    {
        await using var tables = Host.DataSource.CreateCommand(
            $"select tablename from pg_tables where schemaname = '{EventStoreSetup.SchemaName}' and tablename like 'mt_%'");
        var names = new List<string>();
        await using (var reader = await tables.ExecuteReaderAsync())
            while (await reader.ReadAsync()) names.Add(reader.GetString(0));
        foreach (var name in names)
        {
            await using var vacuum = Host.DataSource.CreateCommand($"vacuum (analyze) {EventStoreSetup.SchemaName}.{name}");
            await vacuum.ExecuteNonQueryAsync();
        }
    }

    public static void Progress(string message) => Console.Error.WriteLine($"[{DateTime.Now:HH:mm:ss}] {message}");
}
