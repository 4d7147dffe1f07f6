using RehabLedger.Tests.Support;

namespace RehabLedger.Tests.Live;

public sealed class when_subscribing_to_a_clinics_caseload(AppFixture fixture) : AppScenario(fixture)
{
    private const string Subscription = """
        subscription($clinicId: ID!) { caseloadChanges(clinicId: $clinicId) { sequence clinicId episodeId version type } }
        """;

    [Fact]
    public async Task changes_to_its_own_episodes_are_delivered_and_those_of_other_clinics_are_not()
    {
        var mine = await Host.OpenEpisode(Today.AddDays(-7));
        var theirs = await Host.OpenEpisode(Today.AddDays(-7));
        await using var stream = await SseClient.Open(Host, Subscription, new { clinicId = mine.ClinicId }, Host.Token(TestTokens.ClinicAdmin(mine.ClinicId)));

        await Host.RecordAttended(theirs, theirs.Version, Today);
        var version = await Host.RecordAttended(mine, mine.Version, Today);

        var change = (await stream.NextResult()).Data!["data"]!["caseloadChanges"]!;
        change["episodeId"]!.GetValue<string>().ShouldBe(mine.EpisodeId.ToString());
        change["version"]!.GetValue<long>().ShouldBe(version);
        change["type"]!.GetValue<string>().ShouldBe("session_recorded");
    }

    [Fact]
    public async Task a_clinic_outside_the_callers_reach_is_refused_with_forbidden()
    {
        var e = await Host.OpenEpisode(Today.AddDays(-7));
        await using var stream = await SseClient.Open(Host, Subscription, new { clinicId = e.ClinicId },
            Host.Token(TestTokens.ClinicAdmin(Guid.NewGuid())));

        var refused = await stream.NextResult();
        refused.ErrorCode.ShouldBe("FORBIDDEN");
    }
}

public sealed class when_an_auditor_follows_the_audit_trail(AppFixture fixture) : AppScenario(fixture)
{
    private const string Subscription = """
        subscription($filter: AuditFilter) { auditTrail(filter: $filter) { sequence streamId type actor { id } } }
        """;

    [Fact]
    public async Task events_of_the_auditors_clinics_matching_the_filter_are_delivered_as_they_are_appended()
    {
        var mine = await Host.OpenEpisode(Today.AddDays(-7));
        var theirs = await Host.OpenEpisode(Today.AddDays(-7));
        await using var stream = await SseClient.Open(Host, Subscription, new { filter = new { eventTypes = new[] { "session_recorded" } } },
            Host.Token(TestTokens.Auditor(mine.ClinicId)));

        await Fixture.Prescribe(mine.EpisodeId, Today);                 // another type: filtered out
        await Host.RecordAttended(theirs, theirs.Version, Today);        // another clinic: out of scope
        await Host.RecordAttended(mine, await Fixture.EpisodeVersion(mine.EpisodeId), Today);

        var e = (await stream.NextResult()).Data!["data"]!["auditTrail"]!;
        e["streamId"]!.GetValue<string>().ShouldBe(mine.EpisodeId.ToString());
        e["type"]!.GetValue<string>().ShouldBe("session_recorded");
    }

    [Fact]
    public async Task a_filter_the_query_would_refuse_is_refused_alike()
    {
        var from = DateTimeOffset.Parse("2026-03-18T00:00:00Z");
        await using var stream = await SseClient.Open(Host, Subscription, new { filter = new { from, to = from.AddDays(-1) } },
            Host.Token(TestTokens.Auditor(Guid.NewGuid())));

        (await stream.NextResult()).ErrorCode.ShouldBe("VALIDATION_FAILED");
    }

    [Fact]
    public async Task a_therapist_may_not_follow_the_audit_trail()
    {
        await using var stream = await SseClient.Open(Host, Subscription, token: Host.Token(TestTokens.Therapist(Guid.NewGuid())));
        stream.Status.ShouldBe(System.Net.HttpStatusCode.Forbidden);
    }
}
