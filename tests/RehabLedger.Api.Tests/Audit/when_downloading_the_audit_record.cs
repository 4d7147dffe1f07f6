using System.Text.Json.Nodes;
using Marten;
using Marten.Events;
using RehabLedger.Audit;
using RehabLedger.Disclosures;
using RehabLedger.Tests.Support;
using static RehabLedger.Tests.Support.AuditApi;

namespace RehabLedger.Tests.Audit;

public sealed class when_downloading_the_audit_record(AppFixture fixture) : AppScenario(fixture)
{
    /// <summary>The hour either side of now: events are stamped with the server's clock.</summary>
    private static string Period => Around(DateTimeOffset.UtcNow);

    private static string Around(DateTimeOffset instant) => $"?from={Uri.EscapeDataString(instant.AddHours(-1).ToString("O"))}" +
                                                            $"&to={Uri.EscapeDataString(instant.AddHours(1).ToString("O"))}";

    [Fact]
    public async Task the_trail_of_a_period_comes_as_csv_or_ndjson_with_the_callers_clinics_only_and_is_accounted()
    {
        var mine = await Host.OpenEpisode(Today.AddDays(-3));
        await Host.Prescribe(Dana, mine.EpisodeId, mine.Version, Today, "Bridge, \"slow\"", Dosage());
        var theirs = await Host.OpenEpisode(Today.AddDays(-3));
        var auditor = Host.Token(TestTokens.Auditor(mine.ClinicId));

        var (status, type, ndjson) = await Host.Get(AuditDownloads.TrailRoute + Period, auditor);
        status.ShouldBe(200, ndjson);
        type.ShouldBe("application/x-ndjson");
        var lines = ndjson.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!).ToList();
        lines.Select(l => l.Long("sequence")).ShouldBeInOrder();
        lines.ShouldContain(l => l.Text("streamId") == mine.EpisodeId.ToString());
        lines.ShouldNotContain(l => l.Text("streamId") == theirs.EpisodeId.ToString() || l.Text("streamId") == theirs.PatientId.ToString());
        lines.Single(l => l.Text("type") == "exercise_prescribed")["data"]!["name"]!.GetValue<string>().ShouldBe("Bridge, \"slow\"");

        var (_, csvType, csv) = await Host.Get(AuditDownloads.TrailRoute + Period + "&format=csv", auditor);
        csvType.ShouldBe("text/csv; charset=utf-8");
        var rows = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        rows[0].ShouldBe("sequence,id,streamId,version,type,recordedAt,actorId,actorRole,actorName,correlationId,causationId,data");
        rows.Length.ShouldBe(lines.Count + 1);
        csv.ShouldContain("Bridge, \\\"\"slow\\\"\"");

        var recorded = await Fixture.Store.QuerySession().Events.QueryRawEventDataOnly<DisclosureRecorded>()
            .Where(d => d.Operation == "GET " + AuditDownloads.TrailRoute).ToListAsync();
        recorded.Select(d => d.PatientId).Distinct().ShouldBe([mine.PatientId]);
    }

    [Fact]
    public async Task the_access_log_of_a_period_comes_as_csv_or_ndjson()
    {
        var mine = await Host.OpenEpisode(Today.AddDays(-3));
        var auditor = TestTokens.Auditor(mine.ClinicId);
        (await GraphQL(EpisodeEvents, new { id = mine.EpisodeId }, Host.As(auditor))).Ok();
        await Host.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));

        // An access happens at the service's time (the test clock's), which the access log's period filters on.
        var (status, _, ndjson) = await Host.Get(AuditDownloads.AccessLogRoute + Around(AppFixture.Now), Host.Token(auditor));
        status.ShouldBe(200, ndjson);
        var entry = JsonNode.Parse(ndjson.Split('\n', StringSplitOptions.RemoveEmptyEntries).Single())!;
        entry.Text("operation").ShouldBe("Query.episodeEvents");
        entry.Text("episodeId").ShouldBe(mine.EpisodeId.ToString());
        entry.Text("outcome").ShouldBe("Granted");

        var (_, _, csv) = await Host.Get(AuditDownloads.AccessLogRoute + Around(AppFixture.Now) + "&format=csv", Host.Token(auditor));
        var rows = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        rows.Length.ShouldBe(2);
        rows[1].ShouldContain("Query.episodeEvents");
    }

    [Fact]
    public async Task a_missing_or_backwards_period_or_an_unknown_format_is_refused_and_a_therapist_may_not_download()
    {
        foreach (var route in new[] { AuditDownloads.AccessLogRoute, AuditDownloads.TrailRoute })
        {
            (await Host.Get(route)).Status.ShouldBe(400);
            (await Host.Get(route + "?from=2026-03-02T00:00:00Z&to=2026-03-01T00:00:00Z")).Status.ShouldBe(400);
            var (status, _, body) = await Host.Get(route + Period + "&format=xml");
            status.ShouldBe(400);
            body.ShouldContain("VALIDATION_FAILED");
            (await Host.Get(route + Period, Host.Token(TestTokens.Therapist(Guid.NewGuid())))).Status.ShouldBe(403);
            (await Host.Get(route + Period, bearer: "")).Status.ShouldBe(401);
        }
    }
}
