using RehabLedger.Tests.Support;

namespace RehabLedger.Tests.PlanOfCare;

public sealed class when_certifying_a_plan_of_care(AppFixture fixture) : AppScenario(fixture)
{
    private async Task<GraphQLResponse> Certify(EpisodeSetup e, long version, DateOnly start, DateOnly end, Guid? id = null, string? npi = "1234567893") =>
        await GraphQL(PlanOfCareApi.CertifyMutation, new { input = PlanOfCareApi.CertifyInput(e, version, start, end, id, npi: npi) });

    [Fact]
    public async Task the_episode_lists_the_certification_and_counts_down_to_its_end()
    {
        var e = await Host.OpenEpisode(Today.AddDays(-10));
        var id = Guid.NewGuid();

        var payload = (await Certify(e, e.Version, Today.AddDays(-10), Today.AddDays(79), id)).Ok()["certifyPlanOfCare"]!;

        payload["version"]!.GetValue<long>().ShouldBe(e.Version + 1);
        var certification = payload["episode"]!["certifications"]!.AsArray().Single()!;
        certification["id"]!.GetValue<string>().ShouldBe(id.ToString());
        certification["start"]!.GetValue<string>().ShouldBe(Today.AddDays(-10).ToString("yyyy-MM-dd"));
        certification["end"]!.GetValue<string>().ShouldBe(Today.AddDays(79).ToString("yyyy-MM-dd"));
        certification["days"]!.GetValue<int>().ShouldBe(90);
        certification["physician"]!["name"]!.GetValue<string>().ShouldBe("Dr. Lena Okoye");
        certification["physician"]!["npi"]!.GetValue<string>().ShouldBe("1234567893");
        certification["note"]!.GetValue<string>().ShouldBe("Recertified after re-assessment.");

        var status = payload["episode"]!["certificationStatus"]!;
        status["certification"]!["id"]!.GetValue<string>().ShouldBe(id.ToString());
        status["daysRemaining"]!.GetValue<int>().ShouldBe(79);
        status["ending"]!.GetValue<bool>().ShouldBeFalse();
        status["lapsed"]!.GetValue<bool>().ShouldBeFalse();
        status["missing"]!.GetValue<bool>().ShouldBeFalse();
    }

    [Fact]
    public async Task an_episode_without_a_certification_is_flagged_as_missing()
    {
        var e = await Host.OpenEpisode(Today.AddDays(-3));
        var episode = (await GraphQL(PlanOfCareApi.StatusQuery, new { id = e.EpisodeId })).Ok()["episode"]!;

        episode["certifications"]!.AsArray().ShouldBeEmpty();
        var status = episode["certificationStatus"]!;
        status["certification"].ShouldBeNull();
        status["daysRemaining"].ShouldBeNull();
        status["missing"]!.GetValue<bool>().ShouldBeTrue();
        status["ending"]!.GetValue<bool>().ShouldBeTrue();
        status["lapsed"]!.GetValue<bool>().ShouldBeFalse();
    }

    [Fact]
    public async Task seven_days_left_is_flagged_as_ending_and_a_past_end_as_lapsed()
    {
        var ending = await Host.OpenEpisode(Today.AddDays(-10));
        var endingStatus = (await Certify(ending, ending.Version, Today.AddDays(-10), Today.AddDays(7)))
            .Ok()["certifyPlanOfCare"]!["episode"]!["certificationStatus"]!;
        endingStatus["daysRemaining"]!.GetValue<int>().ShouldBe(7);
        endingStatus["ending"]!.GetValue<bool>().ShouldBeTrue();
        endingStatus["lapsed"]!.GetValue<bool>().ShouldBeFalse();

        var lapsed = await Host.OpenEpisode(Today.AddDays(-40));
        var lapsedStatus = (await Certify(lapsed, lapsed.Version, Today.AddDays(-40), Today.AddDays(-1)))
            .Ok()["certifyPlanOfCare"]!["episode"]!["certificationStatus"]!;
        lapsedStatus["daysRemaining"]!.GetValue<int>().ShouldBe(-1);
        lapsedStatus["ending"]!.GetValue<bool>().ShouldBeTrue();
        lapsedStatus["lapsed"]!.GetValue<bool>().ShouldBeTrue();
        lapsedStatus["missing"]!.GetValue<bool>().ShouldBeFalse();
    }

    [Fact]
    public async Task a_recertification_from_the_day_after_is_accepted_and_becomes_the_current_one()
    {
        var e = await Host.OpenEpisode(Today.AddDays(-60));
        var first = (await Certify(e, e.Version, Today.AddDays(-60), Today.AddDays(-1))).Ok()["certifyPlanOfCare"]!;
        var recertification = Guid.NewGuid();

        var episode = (await Certify(e, first["version"]!.GetValue<long>(), Today, Today.AddDays(6), recertification))
            .Ok()["certifyPlanOfCare"]!["episode"]!;

        episode["certifications"]!.AsArray().Select(c => c!["days"]!.GetValue<int>()).ShouldBe([60, 7]);
        var status = episode["certificationStatus"]!;
        status["certification"]!["id"]!.GetValue<string>().ShouldBe(recertification.ToString());
        status["daysRemaining"]!.GetValue<int>().ShouldBe(6);
        status["ending"]!.GetValue<bool>().ShouldBeTrue();
    }

    [Fact]
    public async Task a_period_of_ninety_one_days_is_refused_naming_its_length_and_nothing_is_written()
    {
        var e = await Host.OpenEpisode(Today.AddDays(-10));
        var before = await EventCount();

        var response = await Certify(e, e.Version, Today.AddDays(-10), Today.AddDays(80));

        response.ErrorCode.ShouldBe("VALIDATION_FAILED");
        response.ErrorField.ShouldBe("input.end");
        response.ErrorMessage.ShouldContain("91 days");
        response.Data?["certifyPlanOfCare"].ShouldBeNull();
        (await EventCount()).ShouldBe(before);
    }

    [Fact]
    public async Task an_overlapping_period_is_refused_naming_the_certification_it_overlaps()
    {
        var e = await Host.OpenEpisode(Today.AddDays(-30));
        var existing = Guid.NewGuid();
        var version = (await Certify(e, e.Version, Today.AddDays(-30), Today.AddDays(30), existing)).Ok()["certifyPlanOfCare"]!["version"]!.GetValue<long>();
        var before = await EventCount();

        var response = await Certify(e, version, Today, Today.AddDays(60));

        response.ErrorCode.ShouldBe("VALIDATION_FAILED");
        response.ErrorField.ShouldBe("input.start");
        response.ErrorMessage.ShouldContain(existing.ToString());
        (await EventCount()).ShouldBe(before);
    }

    [Fact]
    public async Task a_start_before_the_episode_or_after_today_is_refused()
    {
        var e = await Host.OpenEpisode(Today.AddDays(-10));
        foreach (var start in new[] { Today.AddDays(-11), Today.AddDays(1) })
        {
            var response = await Certify(e, e.Version, start, start.AddDays(30));
            response.ErrorCode.ShouldBe("VALIDATION_FAILED");
            response.ErrorField.ShouldBe("input.start");
        }
    }

    [Fact]
    public async Task an_npi_that_is_not_ten_digits_is_refused_and_a_missing_one_is_accepted()
    {
        var e = await Host.OpenEpisode(Today.AddDays(-10));
        var refused = await Certify(e, e.Version, Today, Today.AddDays(30), npi: "123456789");
        refused.ErrorCode.ShouldBe("VALIDATION_FAILED");
        refused.ErrorField.ShouldBe("input.physician.npi");

        var accepted = (await Certify(e, e.Version, Today, Today.AddDays(30), npi: null)).Ok();
        accepted["certifyPlanOfCare"]!["episode"]!["certifications"]![0]!["physician"]!["npi"].ShouldBeNull();
    }

    [Fact]
    public async Task retrying_the_same_certification_id_is_refused_with_conflict()
    {
        var e = await Host.OpenEpisode(Today.AddDays(-10));
        var id = Guid.NewGuid();
        (await Certify(e, e.Version, Today.AddDays(-10), Today.AddDays(30), id)).Ok();
        var before = await EventCount();

        var retry = await Certify(e, e.Version + 1, Today.AddDays(-10), Today.AddDays(30), id);

        retry.ErrorCode.ShouldBe("CONFLICT");
        (await EventCount()).ShouldBe(before);
    }

    [Fact]
    public async Task a_stale_version_is_refused_with_conflict_and_an_unknown_episode_is_not_found()
    {
        var e = await Host.OpenEpisode(Today.AddDays(-10));
        (await Certify(e, e.Version, Today.AddDays(-10), Today.AddDays(-1))).Ok();
        // Clinical events only: the unknown id's refusal is accounted for, as any refused id is.
        var before = await Host.ClinicalEventCount();

        (await Certify(e, e.Version, Today, Today.AddDays(30))).ErrorCode.ShouldBe("CONFLICT");
        var unknown = await Certify(e with { EpisodeId = Guid.NewGuid() }, 1, Today, Today.AddDays(30));
        unknown.ErrorCode.ShouldBe("NOT_FOUND");
        unknown.ErrorField.ShouldBe("input.episodeId");
        (await Host.ClinicalEventCount()).ShouldBe(before);
    }
}
