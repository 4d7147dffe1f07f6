using System.Diagnostics;
using GraphQL;
using Marten;
using RehabLedger.Caseload;
using RehabLedger.Clinics;
using RehabLedger.Disclosures;
using RehabLedger.Episodes;
using RehabLedger.GraphQL;
using RehabLedger.Patients;
using RehabLedger.Programs;
using RehabLedger.Sessions;

namespace RehabLedger.Infrastructure;

/// <summary>
/// Does once, before the server listens (and so before <c>/health/ready</c> can answer), what the first request would
/// otherwise pay for: building the GraphQL schema and running its execution path, and Marten's first read of each
/// document type. Measured after a restart with the handlers pre-generated (Internal/Generated): the first request cost
/// 0.8 s and the first read 0.3 s more than later ones. It reads and writes nothing of anyone's record.
/// </summary>
public sealed class Warmup(IServiceProvider services, ILogger<Warmup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        await using var scope = services.CreateAsyncScope();
        var executer = scope.ServiceProvider.GetRequiredService<IDocumentExecuter<RehabLedgerSchema>>();
        var result = await executer.ExecuteAsync(new ExecutionOptions
        {
            Query = "{ outcomeMeasures { code } }",
            RequestServices = scope.ServiceProvider,
            CancellationToken = ct,
        });
        scope.ServiceProvider.GetRequiredService<IGraphQLTextSerializer>().Serialize(result);

        // An id no record has: each load is one indexed miss, enough to prepare the document's storage and reader.
        var session = scope.ServiceProvider.GetRequiredService<IQuerySession>();
        await session.LoadAsync<Clinic>(Guid.Empty, ct);
        await session.LoadAsync<Therapist>(Guid.Empty, ct);
        await session.LoadAsync<Patient>(Guid.Empty, ct);
        await session.LoadAsync<Episode>(Guid.Empty, ct);
        await session.LoadAsync<EpisodeTimeline>(Guid.Empty, ct);
        await session.LoadAsync<CaseloadRow>(Guid.Empty, ct);
        await session.Query<RecordedSession>().Where(s => s.EpisodeId == Guid.Empty).ToListAsync(ct);
        await session.Query<RecordedHomeLog>().Where(l => l.EpisodeId == Guid.Empty).ToListAsync(ct);
        await session.Query<AccessRecord>().Take(0).ToListAsync(ct);
        logger.LogInformation("Warmed the GraphQL schema and the document reads in {ElapsedMs} ms", (int)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
