using JasperFx.Events.Projections;
using Marten;
using Marten.Events.Daemon.Coordination;

namespace RehabLedger.Infrastructure.Marten;

/// <summary>Which shape of the read models the documents in this store were projected with.</summary>
public sealed class ReadModelsVersion
{
    public const string CurrentId = "current";

    /// <summary>
    /// Raise this whenever a projection changes what it writes, so stores projected by an older build are rebuilt on
    /// start. 2: sessions and home logs became documents of their own, and the EpisodeProgress document went away.
    /// 3: the Episode snapshot keeps its sessions' and home logs' ids as plain lists.
    /// 4: session and home-log documents are keyed by episode and entry; corrections mark the entry of their kind.
    /// 5: access records carry the requested id and a position, and a refusal of another clinic's record is two records,
    /// one for each side.
    /// 6: corrections are one set of corrected entries (kind, id, version, reason) in the Episode, CaseloadRow and
    /// EpisodeTimeline documents instead of flags on each entry; the CurrentProgram document went away (the program is
    /// folded from the Episode's changes, which it held a second copy of).
    /// </summary>
    public const int Current = 6;

    public string Id { get; set; } = CurrentId;
    public int Version { get; set; }
}

/// <summary>
/// On start, rebuilds every projection from the events when the store's documents were projected by a build whose
/// read models had another shape, then records the current shape. Without it, a data folder kept from an earlier
/// version would answer from documents this build no longer reads or writes. A fresh store is only stamped.
/// Runs before the demo data and before the server takes requests (hosted services start in order).
/// </summary>
public sealed class ReadModelUpgrade(IDocumentStore store, IProjectionCoordinator coordinator, ILogger<ReadModelUpgrade> logger)
    : IHostedService
{
    private static readonly TimeSpan RebuildLimit = TimeSpan.FromMinutes(30);

    /// <summary>The session-level advisory lock that lets one node at a time check and upgrade the store.</summary>
    private const long UpgradeLock = 0x5245_4842_4C44_0001; // "REHBLD" 1

    public async Task StartAsync(CancellationToken ct)
    {
        // Nodes starting together take turns: the first rebuilds and stamps, the others then find the stamp.
        await using var lockConnection = store.Storage.Database.CreateConnection();
        await lockConnection.OpenAsync(ct);
        await using (var take = lockConnection.CreateCommand())
        {
            take.CommandText = $"select pg_advisory_lock({UpgradeLock})";
            await take.ExecuteNonQueryAsync(ct);
        }
        try
        {
            await UpgradeIfNeeded(ct);
        }
        finally
        {
            // Released explicitly: a pooled connection keeps its session, and with it the lock, until it is reused.
            await using var release = lockConnection.CreateCommand();
            release.CommandText = $"select pg_advisory_unlock({UpgradeLock})";
            await release.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    private async Task UpgradeIfNeeded(CancellationToken ct)
    {
        int? stored;
        bool anyEvents;
        await using (var query = store.QuerySession())
        {
            stored = (await query.LoadAsync<ReadModelsVersion>(ReadModelsVersion.CurrentId, ct))?.Version;
            anyEvents = await query.Events.QueryAllRawEvents().AnyAsync(ct);
        }
        if (stored == ReadModelsVersion.Current) return;

        if (anyEvents)
        {
            logger.LogWarning("The read models were projected by a build with read model version {Stored}; this build has {Current}. " +
                              "Rebuilding every projection from the events.", stored?.ToString() ?? "(none)", ReadModelsVersion.Current);
            await AnalyzeEventTables(ct);
            var daemon = coordinator.DaemonForMainDatabase();
            // All at once: each projection reads the events on its own, and overlapping the passes about halves the
            // time on two cores (docs/benchmarks.md, item 4).
            await Task.WhenAll(((DocumentStore)store).Options.Projections.All
                .Select(projection => daemon.RebuildProjectionAsync(((ProjectionBase)projection).Name, RebuildLimit, ct)));
            logger.LogInformation("Rebuilt every projection.");
        }

        await using var session = store.LightweightSession();
        session.Store(new ReadModelsVersion { Version = ReadModelsVersion.Current });
        await session.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Fresh planner statistics for the tables a rebuild reads page by page. Without them (right after a bulk import,
    /// before autovacuum came by) PostgreSQL may read each page through the event-type index and sort every remaining
    /// event of the projection's types, which makes a rebuild quadratic in the number of events.
    /// </summary>
    private async Task AnalyzeEventTables(CancellationToken ct)
    {
        var schema = ((DocumentStore)store).Options.Events.DatabaseSchemaName;
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(ct);
        await using var analyze = connection.CreateCommand();
        analyze.CommandText = $"analyze {schema}.mt_events; analyze {schema}.mt_streams";
        await analyze.ExecuteNonQueryAsync(ct);
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
