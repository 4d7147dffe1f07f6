using Alba;
using Marten.Events;
using RehabLedger.Tests.Support;

namespace RehabLedger.Tests.Caseload;

/// <summary>The caseload is projected by the async daemon: each scenario waits for it, never sleeps.</summary>
public sealed class when_reading_the_caseload(AppFixture fixture) : AppScenario(fixture)
{
    private const string CaseloadQuery = """
        query($clinicId: ID!, $therapistId: ID, $flags: [CaseloadFlag!], $orderBy: CaseloadOrder, $first: Int, $after: String) {
          caseload(clinicId: $clinicId, therapistId: $therapistId, flags: $flags, orderBy: $orderBy, first: $first, after: $after) {
            totalCount
            pageInfo { hasNextPage endCursor }
            edges { node {
              episodeId condition flags lastThreePains daysSinceAssessment attendedSinceProgressReport daysSinceAttendance
              patient { familyName } therapist { displayName }
              certification { daysRemaining ending missing }
            } }
          }
        }
        """;

    private async Task<System.Text.Json.Nodes.JsonNode> Caseload(object variables)
    {
        await Host.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));
        return (await GraphQL(CaseloadQuery, variables)).Ok()["caseload"]!;
    }

    private static string[] Names(System.Text.Json.Nodes.JsonNode caseload) =>
        caseload["edges"]!.AsArray().Select(e => e!["node"]!["patient"]!["familyName"]!.GetValue<string>()).ToArray();

    private async Task<EpisodeSetup> Episode(Guid clinicId, Guid therapistId, string family, int startedDaysAgo)
    {
        var patientId = await Host.RegisterPatient(clinicId, family);
        var opened = (await GraphQL(ClinicalApi.OpenEpisodeMutation,
            new { input = ClinicalApi.OpenEpisodeInput(clinicId, therapistId, patientId, Today.AddDays(-startedDaysAgo)) })).Ok()["openEpisode"]!;
        return new EpisodeSetup(clinicId, therapistId, patientId, ClinicalApi.IdOf(opened["episode"]!), opened["version"]!.GetValue<long>());
    }

    private async Task<long> Certify(EpisodeSetup e, long version, int startDaysAgo, int endsInDays) =>
        (await GraphQL(PlanOfCareApi.CertifyMutation, new { input = PlanOfCareApi.CertifyInput(e, version, Today.AddDays(-startDaysAgo), Today.AddDays(endsInDays)) }))
            .Ok()["certifyPlanOfCare"]!["version"]!.GetValue<long>();

    private async Task<long> Session(EpisodeSetup e, long version, int daysAgo, int pain, bool adverse = false)
    {
        var input = SessionsApi.AttendedInput(e, version, Today.AddDays(-daysAgo));
        input["painBefore"] = pain;
        if (adverse) input["adverseEvents"] = new[] { new { description = "Dizziness on standing", severity = "MILD", actionTaken = "Seated rest; vitals normal" } };
        return (await GraphQL(SessionsApi.RecordSessionMutation, new { input })).Ok()["recordSession"]!["version"]!.GetValue<long>();
    }

    [Fact]
    public async Task each_flag_shows_on_the_episode_that_raises_it_and_quiet_ones_show_none()
    {
        var clinicId = await Host.RegisterClinic();
        var dana = await Host.RegisterTherapist(clinicId, "Dana Whitfield");

        var quiet = await Episode(clinicId, dana, "Quiet", 20);
        var v = await Certify(quiet, quiet.Version, 20, 60);
        v = (await GraphQL(ClinicalApi.RecordAssessmentMutation, new { input = ClinicalApi.AssessmentInput(quiet, v, Today.AddDays(-20)) })).Ok()["recordAssessment"]!["version"]!.GetValue<long>();
        await Session(quiet, v, 2, 3);

        var worsening = await Episode(clinicId, dana, "Worse", 20);
        v = await Certify(worsening, worsening.Version, 20, 5);
        v = await Session(worsening, v, 6, 3);
        v = await Session(worsening, v, 4, 5);
        await Session(worsening, v, 2, 6, adverse: true);

        var absent = await Episode(clinicId, dana, "Absent", 40);

        var caseload = await Caseload(new { clinicId, orderBy = "PATIENT_NAME" });

        Names(caseload).ShouldBe(["Absent", "Quiet", "Worse"]);
        var rows = caseload["edges"]!.AsArray().Select(e => e!["node"]!).ToDictionary(n => n["patient"]!["familyName"]!.GetValue<string>());
        rows["Quiet"]["flags"]!.AsArray().ShouldBeEmpty();
        rows["Worse"]["flags"]!.AsArray().Select(f => f!.GetValue<string>())
            .ShouldBe(["PAIN_WORSENING", "RECENT_ADVERSE_EVENT", "CERTIFICATION_ENDING"], ignoreOrder: true);
        rows["Worse"]["lastThreePains"]!.AsArray().Select(p => p!.GetValue<int>()).ShouldBe([3, 5, 6]);
        rows["Worse"]["certification"]!["daysRemaining"]!.GetValue<int>().ShouldBe(5);
        rows["Absent"]["flags"]!.AsArray().Select(f => f!.GetValue<string>())
            .ShouldBe(["REASSESSMENT_DUE", "CERTIFICATION_ENDING", "NO_RECENT_ATTENDANCE"], ignoreOrder: true);
        rows["Absent"]["certification"]!["missing"]!.GetValue<bool>().ShouldBeTrue();

        var painOnly = await Caseload(new { clinicId, flags = new[] { "PAIN_WORSENING" } });
        Names(painOnly).ShouldBe(["Worse"]);
        var mostFlags = await Caseload(new { clinicId, orderBy = "MOST_FLAGS" });
        Names(mostFlags).ShouldBe(["Absent", "Worse", "Quiet"]);
    }

    [Fact]
    public async Task therapists_see_their_own_rows_and_discharged_episodes_leave_the_caseload()
    {
        var clinicId = await Host.RegisterClinic();
        var dana = await Host.RegisterTherapist(clinicId, "Dana Whitfield");
        var marcus = await Host.RegisterTherapist(clinicId, "Marcus Oyelaran");
        await Episode(clinicId, dana, "Alvarez", 10);
        await Episode(clinicId, marcus, "Chen", 10);
        var leaving = await Episode(clinicId, marcus, "Novak", 10);
        (await GraphQL(PlanOfCareApi.DischargeMutation, new { input = PlanOfCareApi.DischargeInput(leaving, leaving.Version, Today) })).Ok();

        Names(await Caseload(new { clinicId, therapistId = marcus })).ShouldBe(["Chen"]);
        Names(await Caseload(new { clinicId })).ShouldBe(["Alvarez", "Chen"]);
        Names(await Caseload(new { clinicId = await Host.RegisterClinic("Elsewhere") })).ShouldBeEmpty();
    }

    [Fact]
    public async Task pages_follow_the_cursor_and_a_page_larger_than_the_cap_is_refused()
    {
        var clinicId = await Host.RegisterClinic();
        var dana = await Host.RegisterTherapist(clinicId);
        foreach (var name in new[] { "A", "B", "C", "D", "E" }) await Episode(clinicId, dana, name, 5);

        var first = await Caseload(new { clinicId, first = 2 });
        Names(first).ShouldBe(["A", "B"]);
        first["totalCount"]!.GetValue<int>().ShouldBe(5);
        first["pageInfo"]!["hasNextPage"]!.GetValue<bool>().ShouldBeTrue();
        var second = await Caseload(new { clinicId, first = 2, after = first["pageInfo"]!["endCursor"]!.GetValue<string>() });
        Names(second).ShouldBe(["C", "D"]);

        var tooMany = await GraphQL(CaseloadQuery, new { clinicId, first = 101 });
        tooMany.ErrorCode.ShouldBe("VALIDATION_FAILED");
        tooMany.ErrorField.ShouldBe("first");
    }

    [Fact]
    public async Task a_page_of_fifty_rows_costs_the_same_round_trips_as_a_page_of_five()
    {
        var clinicId = await Host.RegisterClinic();
        var dana = await Host.RegisterTherapist(clinicId);
        var marcus = await Host.RegisterTherapist(clinicId, "Marcus Oyelaran");
        for (var i = 0; i < 50; i++) await Episode(clinicId, i % 2 == 0 ? dana : marcus, $"Patient{i:00}", 10 + i % 20);
        await Host.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(60));

        const string dashboard = """
            query($clinicId: ID!, $first: Int) {
              caseload(clinicId: $clinicId, first: $first) {
                edges { node {
                  flags patient { familyName givenName } therapist { displayName }
                  episode { status condition { icd10Code } clinic { name } currentProgram { programVersion } progress { attendance { attended } }
                    sessions(first: 1) { totalCount } homeLogs(first: 1) { totalCount } }
                } }
              }
            }
            """;
        using var counter = new RoundTripCounter();
        async Task<int> RoundTrips(int first)
        {
            var (traceId, traceparent) = RoundTripCounter.NewTrace();
            var data = (await GraphQL(dashboard, new { clinicId, first }, new Dictionary<string, string> { ["traceparent"] = traceparent })).Ok();
            data["caseload"]!["edges"]!.AsArray().Count.ShouldBe(first);
            return counter.For(traceId);
        }

        var five = await RoundTrips(5);
        var fifty = await RoundTrips(50);

        five.ShouldBeGreaterThan(0);
        fifty.ShouldBe(five);
        fifty.ShouldBeLessThanOrEqualTo(8);
    }
}
