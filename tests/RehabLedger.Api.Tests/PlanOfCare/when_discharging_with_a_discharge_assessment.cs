using Marten;
using RehabLedger.Episodes;
using RehabLedger.Tests.Support;

namespace RehabLedger.Tests.PlanOfCare;

public sealed class when_discharging_with_a_discharge_assessment(AppFixture fixture) : AppScenario(fixture)
{
    private async Task<long> Evaluated(EpisodeSetup e) =>
        (await GraphQL(ClinicalApi.RecordAssessmentMutation, new { input = ClinicalApi.AssessmentInput(e, e.Version, Today.AddDays(-30)) }))
            .Ok()["recordAssessment"]!["version"]!.GetValue<long>();

    private Task<GraphQLResponse> Discharge(EpisodeSetup e, long version, object? assessment, DateOnly? on = null) =>
        GraphQL(PlanOfCareApi.DischargeMutation, new { input = PlanOfCareApi.DischargeInput(e, version, on ?? Today.AddDays(-1), assessment) });

    [Fact]
    public async Task the_discharge_assessment_and_the_discharge_are_appended_together()
    {
        var e = await Host.OpenEpisode(Today.AddDays(-30));
        var version = await Evaluated(e);
        var assessmentId = Guid.NewGuid();

        var payload = (await GraphQL(PlanOfCareApi.DischargeMutation,
            new { input = PlanOfCareApi.DischargeInput(e, version, Today.AddDays(-1), PlanOfCareApi.DischargeAssessmentInput(e, id: assessmentId)) },
            new Dictionary<string, string> { ["X-Correlation-Id"] = "discharge-visit" })).Ok()["dischargeEpisode"]!;

        payload["version"]!.GetValue<long>().ShouldBe(version + 2);
        var episode = payload["episode"]!;
        episode["status"]!.GetValue<string>().ShouldBe("DISCHARGED");
        episode["dischargedOn"]!.GetValue<string>().ShouldBe(Today.AddDays(-1).ToString("yyyy-MM-dd"));
        var discharge = episode["assessments"]!.AsArray().Last()!;
        discharge["id"]!.GetValue<string>().ShouldBe(assessmentId.ToString());
        discharge["kind"]!.GetValue<string>().ShouldBe("DISCHARGE");
        discharge["effectiveOn"]!.GetValue<string>().ShouldBe(Today.AddDays(-1).ToString("yyyy-MM-dd"));
        discharge["assessorName"]!.GetValue<string>().ShouldBe("Robin Ames");
        discharge["findings"]!.GetValue<string>().ShouldBe("Independent with stairs.");
        var lefs = episode["measures"]!.AsArray().Single(m => m!["code"]!.GetValue<string>() == "LEFS")!;
        lefs["baseline"]!.GetValue<decimal>().ShouldBe(38);
        lefs["latest"]!.GetValue<decimal>().ShouldBe(61);

        await using var session = Fixture.Store.QuerySession();
        var events = (await session.Events.FetchStreamAsync(e.EpisodeId)).TakeLast(2).ToList();
        events[0].Data.ShouldBeOfType<AssessmentRecorded>().Kind.ShouldBe(AssessmentKind.Discharge);
        events[1].Data.ShouldBeOfType<EpisodeDischarged>();
        // One request: one correlation id (the service's), and the caller's beside it.
        events.Select(x => x.CorrelationId).Distinct().ShouldHaveSingleItem().ShouldNotBe("discharge-visit");
        events.ShouldAllBe(x => x.Headers!["client-correlation-id"]!.ToString() == "discharge-visit");
    }

    [Fact]
    public async Task without_an_assessment_only_the_discharge_is_appended()
    {
        var e = await Host.OpenEpisode(Today.AddDays(-30));
        var version = await Evaluated(e);
        var before = await EventCount();

        var payload = (await Discharge(e, version, null)).Ok()["dischargeEpisode"]!;

        payload["version"]!.GetValue<long>().ShouldBe(version + 1);
        payload["episode"]!["status"]!.GetValue<string>().ShouldBe("DISCHARGED");
        payload["episode"]!["assessments"]!.AsArray().Count.ShouldBe(1);
        (await EventCount()).ShouldBe(before + 1);
    }

    [Theory]
    [InlineData("NPRS", 11, "input.assessment.measures[1].value")]
    [InlineData("XYZ", 3, "input.assessment.measures[1].code")]
    public async Task an_invalid_assessment_refuses_the_discharge_and_writes_nothing(string code, decimal value, string field)
    {
        var e = await Host.OpenEpisode(Today.AddDays(-30));
        var version = await Evaluated(e);
        var before = await EventCount();

        var response = await Discharge(e, version,
            PlanOfCareApi.DischargeAssessmentInput(e, [new { code = "LEFS", value = 61 }, new { code, value }]));

        response.ErrorCode.ShouldBe("VALIDATION_FAILED");
        response.ErrorField.ShouldBe(field);
        response.Data?["dischargeEpisode"].ShouldBeNull();
        (await EventCount()).ShouldBe(before);
        await using var session = Fixture.Store.QuerySession();
        var episode = (await session.LoadAsync<Episode>(e.EpisodeId))!;
        episode.Status.ShouldBe(EpisodeStatus.Active);
        episode.Assessments.Count.ShouldBe(1);
    }

    [Fact]
    public async Task an_assessor_from_another_clinic_refuses_the_discharge_as_unknown()
    {
        var e = await Host.OpenEpisode(Today.AddDays(-30));
        var version = await Evaluated(e);
        var elsewhere = await Host.RegisterTherapist(await Host.RegisterClinic("Elsewhere PT"));
        var before = await EventCount();

        var response = await Discharge(e, version, PlanOfCareApi.DischargeAssessmentInput(e with { TherapistId = elsewhere }));

        response.ErrorCode.ShouldBe("NOT_FOUND");
        response.ErrorField.ShouldBe("input.assessment.assessorId");
        (await EventCount()).ShouldBe(before);
    }

    [Fact]
    public async Task a_discharge_date_in_the_future_refuses_the_discharge_with_its_assessment()
    {
        var e = await Host.OpenEpisode(Today.AddDays(-30));
        var version = await Evaluated(e);
        var before = await EventCount();

        var response = await Discharge(e, version, PlanOfCareApi.DischargeAssessmentInput(e), Today.AddDays(1));

        response.ErrorCode.ShouldBe("VALIDATION_FAILED");
        response.ErrorField.ShouldBe("input.effectiveOn");
        (await EventCount()).ShouldBe(before);
    }

    [Fact]
    public async Task after_the_discharge_the_episode_is_closed_to_every_clinical_change()
    {
        var e = await Host.OpenEpisode(Today.AddDays(-30));
        var version = (await Discharge(e, await Evaluated(e), PlanOfCareApi.DischargeAssessmentInput(e)))
            .Ok()["dischargeEpisode"]!["version"]!.GetValue<long>();
        var before = await EventCount();

        (await Discharge(e, version, PlanOfCareApi.DischargeAssessmentInput(e), Today)).ErrorCode.ShouldBe("EPISODE_CLOSED");
        (await GraphQL(PlanOfCareApi.CertifyMutation, new { input = PlanOfCareApi.CertifyInput(e, version, Today, Today.AddDays(30)) }))
            .ErrorCode.ShouldBe("EPISODE_CLOSED");
        (await GraphQL(ClinicalApi.RecordAssessmentMutation, new { input = ClinicalApi.AssessmentInput(e, version, Today, "DISCHARGE") }))
            .ErrorCode.ShouldBe("EPISODE_CLOSED");
        (await EventCount()).ShouldBe(before);
    }
}
