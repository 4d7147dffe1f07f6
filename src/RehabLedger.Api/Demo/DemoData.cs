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
/// Writes the demo clinic, its therapists and its patients' episodes (assessments, certifications, goals, programs,
/// sessions, home logs, progress reports, a correction and a discharge) through the same commands the API uses, so
/// the demo data obeys every rule real data does. Runs only on an empty store; the ids are fixed so the README's
/// examples work against it.
/// </summary>
public sealed class DemoDataSeeder(IServiceProvider services, TimeProvider clock, ILogger<DemoDataSeeder> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        await using (var scope = services.CreateAsyncScope())
        {
            if (await scope.ServiceProvider.GetRequiredService<IQuerySession>().Query<Clinic>().AnyAsync(ct))
            {
                logger.LogInformation("Demo data already present; nothing seeded.");
                return;
            }
        }

        var today = clock.Today();
        await Send(DemoDataSet.ClinicCommands(), ct);
        // Each patient's records live on the patient's own streams, so the patients are seeded side by side.
        await Task.WhenAll(DemoDataSet.Patients.Select(p => Send(DemoDataSet.PatientCommands(p, today), ct)));
        logger.LogInformation("Seeded the demo data set: clinic {ClinicId}, {Patients} patients.", DemoDataSet.ClinicId, DemoDataSet.Patients.Count);
    }

    /// <summary>Sends the commands one after another, in a scope of their own.</summary>
    private async Task Send(IEnumerable<object> commands, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var session = scope.ServiceProvider.GetRequiredService<IQuerySession>();
        var bus = scope.ServiceProvider.GetRequiredService<IMessageBus>();
        foreach (var command in commands)
        {
            if (command is EpisodeCommand change)
            {
                // Each change to an episode names the version it follows, exactly as a client would.
                var current = await session.Events.FetchStreamStateAsync(change.EpisodeId, ct);
                await bus.InvokeAsync<Episode>(change.At(current!.Version), ct);
            }
            else
            {
                await bus.InvokeAsync<StreamWritten>(command, ct);
            }
        }
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
