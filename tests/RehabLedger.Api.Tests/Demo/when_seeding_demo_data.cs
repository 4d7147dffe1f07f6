using System.Text.RegularExpressions;
using Marten;
using Microsoft.Extensions.Logging.Abstractions;
using RehabLedger.Caseload;
using RehabLedger.Demo;
using RehabLedger.Tests.Support;
using static RehabLedger.Caseload.CaseloadFlag;
using static RehabLedger.Tests.Demo.SeededEpisode;

namespace RehabLedger.Tests.Demo;

/// <summary>
/// The demo data goes through the real commands, so seeding at all proves it passes every rule; these scenarios
/// check that it shows what the README and the caseload need.
/// </summary>
public sealed partial class when_seeding_demo_data(AppFixture fixture) : AppScenario(fixture)
{
    private DemoDataSeeder Seeder => new(Host.Services, Fixture.Clock, NullLogger<DemoDataSeeder>.Instance);

    /// <summary>Seeds, then reads every demo episode through GraphQL, by the patient's given name.</summary>
    private async Task<Dictionary<string, SeededEpisode>> Seed()
    {
        await Seeder.StartAsync(CancellationToken.None);
        var episodes = new Dictionary<string, SeededEpisode>();
        foreach (var p in DemoDataSet.Patients) episodes[p.Given] = await Read(Host, p.EpisodeId);
        return episodes;
    }

    [Fact]
    public async Task every_active_episode_has_a_program_goals_a_certification_sessions_and_home_logs()
    {
        var episodes = await Seed();

        foreach (var (name, e) in episodes.Where(x => x.Value.Active))
        {
            var active = e.Exercises.Where(x => Text(x["status"]) == "ACTIVE").ToList();
            active.Count.ShouldBeInRange(2, 4, name);
            active.Select(x => Text(x["dosage"]!["setting"])).Distinct().Order().ToList().ShouldBe(["CLINIC", "HOME"], customMessage: name);
            e.Goals.ShouldContain(g => g["measureCode"] == null, name);
            e.Goals.Count(g => g["measureCode"] != null).ShouldBeGreaterThanOrEqualTo(2, name);
            e.Certifications.ShouldNotBeEmpty(name);
            e.Attended.Count.ShouldBeGreaterThanOrEqualTo(6, name);
            e.Attended.ShouldAllBe(s => s["painBefore"] != null && s["exercises"]!.AsArray().Count > 0, name);
            e.HomeLogCount.ShouldBeGreaterThan(0, name);
        }
    }

    [Fact]
    public async Task the_clinic_shows_progressions_a_regression_a_substitution_a_discontinuation_reports_and_a_correction()
    {
        var episodes = await Seed();
        var lastChanges = episodes.Values.SelectMany(e => e.Exercises).Select(x => Text(x["lastChange"]!["kind"])).ToList();

        lastChanges.Count(k => k == "PROGRESSION").ShouldBeGreaterThanOrEqualTo(2);
        lastChanges.ShouldContain("REGRESSION");
        lastChanges.ShouldContain("SUBSTITUTION");
        lastChanges.ShouldContain("DISCONTINUATION");
        episodes.Values.Count(e => e.ProgressReports.Count > 0).ShouldBeGreaterThanOrEqualTo(1);
        var sessions = episodes.Values.SelectMany(e => e.Sessions).Select(s => Text(s["attendance"])).ToList();
        sessions.ShouldContain("CANCELLED");
        sessions.ShouldContain("NO_SHOW");

        // James's duplicate session is marked entered in error: recorded, but left out of his sessions.
        var james = episodes["James"];
        james.Sessions.ShouldNotContain(s => Guid.Parse(Text(s["id"])) == DemoDataSet.JamesDuplicateSession);
        await using var session = Fixture.Store.QuerySession();
        var events = await session.Events.FetchStreamAsync(james.Id);
        events.ShouldContain(e => e.Data is RehabLedger.Corrections.EntryEnteredInError);
    }

    [Fact]
    public async Task each_flagged_episode_has_the_facts_that_raise_its_flags()
    {
        var episodes = await Seed();

        // Samira: pain worsening and a recent adverse event.
        var samira = episodes["Samira"];
        samira.Attended.TakeLast(3).Select(s => s["painBefore"]!.GetValue<int>()).ShouldBe([5, 6, 7]);
        var adverse = samira.Attended.Single(s => s["adverseEvents"]!.AsArray().Count > 0);
        Date(adverse["date"]).ShouldBe(Today.AddDays(-2));
        Text(adverse["adverseEvents"]![0]!["severity"]).ShouldBe("MILD");

        // Li: certification ending.
        var li = episodes["Li"];
        li.Certifications.Select(c => Date(c["end"])).Max().ShouldBe(Today.AddDays(5));
        li.Node["certificationStatus"]!["daysRemaining"]!.GetValue<int>().ShouldBe(5);

        // Peter: re-assessment due and no attendance.
        var peter = episodes["Peter"];
        peter.Assessments.Select(a => Date(a["effectiveOn"])).Max().ShouldBe(Today.AddDays(-35));
        Date(peter.Attended[^1]["date"]).ShouldBe(Today.AddDays(-16));

        // Maria: progress report due.
        var maria = episodes["Maria"];
        var lastReport = maria.ProgressReports.Select(r => Date(r["effectiveOn"])).Max();
        maria.Attended.Count(s => Date(s["date"]) > lastReport).ShouldBe(11);
    }

    [Fact]
    public async Task eileen_is_discharged_with_a_discharge_assessment_and_every_goal_achieved()
    {
        var eileen = (await Seed())["Eileen"];

        eileen.Active.ShouldBeFalse();
        eileen.DischargedOn.ShouldBe(Today.AddDays(-6));
        var discharge = eileen.Assessments.Single(a => Text(a["kind"]) == "DISCHARGE");
        Date(discharge["effectiveOn"]).ShouldBe(Today.AddDays(-6));
        eileen.Goals.ShouldAllBe(g => Text(g["status"]) == "ACHIEVED");
        eileen.Certifications.Count.ShouldBe(2);
    }

    /// <summary>Dates are relative to the day of seeding, so the caseload reads the same whatever day that is.</summary>
    [Theory]
    [InlineData("2026-03-18")]
    [InlineData("2026-03-01")]
    [InlineData("2028-02-29")]
    public async Task the_caseload_flags_are_the_designed_ones_on_any_day(string day)
    {
        Fixture.Clock.AdjustTime(new DateTimeOffset(DateOnly.Parse(day), new TimeOnly(9, 0), TimeSpan.Zero));
        var episodes = await Seed();

        IReadOnlySet<CaseloadFlag> Flags(string name) => CaseloadFlags.Evaluate(episodes[name].ToCaseloadRow(), Today).Flags;
        Flags("Maria").ShouldBe([ProgressReportDue], ignoreOrder: true);
        Flags("James").ShouldBeEmpty();
        Flags("Li").ShouldBe([CertificationEnding], ignoreOrder: true);
        Flags("Peter").ShouldBe([ReassessmentDue, NoRecentAttendance], ignoreOrder: true);
        Flags("Samira").ShouldBe([PainWorsening, RecentAdverseEvent], ignoreOrder: true);
        episodes["Eileen"].Active.ShouldBeFalse();
    }

    /// <summary>The README's mutation examples also say which version each episode is at on fresh demo data.</summary>
    [Fact]
    public async Task the_readme_examples_name_seeded_records_at_the_versions_they_quote()
    {
        var episodes = await Seed();
        var clinic = (await GraphQL($$"""{ clinic(id: "{{DemoDataSet.ClinicId}}") { id therapists { id } } }""")).Ok()["clinic"]!;
        var known = new HashSet<Guid>(episodes.Values.SelectMany(e => e.EntryIds)) { DemoDataSet.ClinicId };
        known.UnionWith(clinic["therapists"]!.AsArray().Select(t => Guid.Parse(Text(t!["id"]))));
        known.UnionWith(DemoDataSet.Patients.SelectMany(p => new[] { p.PatientId, p.EpisodeId }));

        var named = ReadmeExampleIds();
        named.ShouldNotBeEmpty();
        named.ShouldAllBe(id => known.Contains(id));
        named.ShouldContain(DemoDataSet.MariaLegPress);
        Text(episodes["Maria"].Exercises.Single(x => Guid.Parse(Text(x["id"])) == DemoDataSet.MariaLegPress)["name"]).ShouldBe("Leg press");

        episodes["Maria"].Version.ShouldBe(52);
        episodes["James"].Version.ShouldBe(44);
        episodes["Peter"].Version.ShouldBe(35);
    }

    [Fact]
    public async Task seeding_twice_writes_nothing_the_second_time()
    {
        await Seeder.StartAsync(CancellationToken.None);
        var once = await EventCount();
        await using (var session = Fixture.Store.QuerySession())
        {
            var events = await session.Events.QueryAllRawEvents().ToListAsync();
            events.ShouldAllBe(e => e.UserName == "system:demo-seeder");
        }
        await Seeder.StartAsync(CancellationToken.None);
        (await EventCount()).ShouldBe(once);
    }

    /// <summary>Every id in the README's "Examples against the demo data" section.</summary>
    private static HashSet<Guid> ReadmeExampleIds()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "README.md"));
        var start = readme.IndexOf("## Examples against the demo data", StringComparison.Ordinal);
        start.ShouldBeGreaterThanOrEqualTo(0);
        var end = readme.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
        var section = readme[start..(end < 0 ? readme.Length : end)];
        return [.. GuidPattern().Matches(section).Select(m => Guid.Parse(m.Value))];
    }

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial Regex GuidPattern();
}
