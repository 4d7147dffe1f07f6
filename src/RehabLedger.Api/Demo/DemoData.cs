using Marten;
using RehabLedger.Clinics;
using RehabLedger.Common;
using RehabLedger.Episodes;
using RehabLedger.Patients;
using Wolverine;

namespace RehabLedger.Demo;

public static class DemoDataSetup
{
    /// <summary>Seeds the demo data set on a fresh database when <c>Demo:Seed</c> is true (the Development default).</summary>
    public static WebApplicationBuilder AddDemoData(this WebApplicationBuilder builder)
    {
        if (builder.Configuration.GetValue("Demo:Seed", false))
            builder.Services.AddHostedService<DemoDataSeeder>();
        return builder;
    }
}

/// <summary>
/// Writes the demo clinic, its therapists and a handful of patients with episodes and assessments through the
/// same commands the API uses, so the demo data obeys every rule real data does. Runs only on an empty store;
/// the ids are fixed so the README's examples work against it.
/// </summary>
public sealed class DemoDataSeeder(IServiceProvider services, TimeProvider clock, ILogger<DemoDataSeeder> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var session = scope.ServiceProvider.GetRequiredService<IQuerySession>();
        if (await session.Query<Clinic>().AnyAsync(ct))
        {
            logger.LogInformation("Demo data already present; nothing seeded.");
            return;
        }

        var bus = scope.ServiceProvider.GetRequiredService<IMessageBus>();
        foreach (var command in DemoDataSet.Commands(clock.Today()))
        {
            if (command is RecordAssessment assessment)
            {
                // Each assessment names the version it follows, exactly as a client would.
                var current = await session.Events.FetchStreamStateAsync(assessment.EpisodeId, ct);
                await bus.InvokeAsync<Episode>(assessment with { ExpectedVersion = current!.Version }, ct);
            }
            else
            {
                await bus.InvokeAsync<StreamWritten>(command, ct);
            }
        }
        logger.LogInformation("Seeded the demo data set: clinic {ClinicId}, {Patients} patients.", DemoDataSet.ClinicId, DemoDataSet.Patients.Count);
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
