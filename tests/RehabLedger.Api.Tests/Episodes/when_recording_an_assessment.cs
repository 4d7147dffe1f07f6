using System.Net;
using Marten;
using RehabLedger.Episodes;
using RehabLedger.Tests.Support;

namespace RehabLedger.Tests.Episodes;

public sealed class when_recording_an_assessment(AppFixture fixture) : AppScenario(fixture)
{
    [Fact]
    public async Task the_episode_answers_with_baseline_latest_and_verdict_per_measure()
    {
        var e = await Host.OpenEpisode(Today.AddDays(-30));
        var first = (await GraphQL(ClinicalApi.RecordAssessmentMutation,
            new { input = ClinicalApi.AssessmentInput(e, e.Version, Today.AddDays(-30)) })).Ok();
        var version = first["recordAssessment"]!["version"]!.GetValue<long>();
        version.ShouldBe(e.Version + 1);

        var second = (await GraphQL(ClinicalApi.RecordAssessmentMutation, new
        {
            input = ClinicalApi.AssessmentInput(e, version, Today.AddDays(-2), "RE_ASSESSMENT",
                [new { code = "LEFS", value = 47 }, new { code = "NPRS", value = 8 }]),
        })).Ok()["recordAssessment"]!;

        second["version"]!.GetValue<long>().ShouldBe(version + 1);
        var measures = second["episode"]!["measures"]!.AsArray();
        var lefs = measures.Single(m => m!["code"]!.GetValue<string>() == "LEFS")!;
        lefs["baseline"]!.GetValue<decimal>().ShouldBe(38);
        lefs["latest"]!.GetValue<decimal>().ShouldBe(47);
        lefs["reachesMcid"]!.GetValue<bool>().ShouldBeTrue(); // 9 points, MCID 9, inclusive
        var nprs = measures.Single(m => m!["code"]!.GetValue<string>() == "NPRS")!;
        nprs["change"]!.GetValue<decimal>().ShouldBe(1);
        nprs["worsened"]!.GetValue<bool>().ShouldBeTrue();
        nprs["reachesMcid"]!.GetValue<bool>().ShouldBeFalse();
    }

    [Fact]
    public async Task a_back_dated_assessment_becomes_the_baseline()
    {
        var e = await Host.OpenEpisode(Today.AddDays(-30));
        var v = (await GraphQL(ClinicalApi.RecordAssessmentMutation, new
        {
            input = ClinicalApi.AssessmentInput(e, e.Version, Today.AddDays(-5), "RE_ASSESSMENT", [new { code = "ODI", value = 30 }]),
        })).Ok()["recordAssessment"]!["version"]!.GetValue<long>();

        var episode = (await GraphQL(ClinicalApi.RecordAssessmentMutation, new
        {
            input = ClinicalApi.AssessmentInput(e, v, Today.AddDays(-29), "INITIAL", [new { code = "ODI", value = 44 }]),
        })).Ok()["recordAssessment"]!["episode"]!;

        var odi = episode["measures"]!.AsArray().Single()!;
        odi["baseline"]!.GetValue<decimal>().ShouldBe(44);
        odi["latest"]!.GetValue<decimal>().ShouldBe(30);
        odi["reachesMcid"]!.GetValue<bool>().ShouldBeTrue(); // ODI improves downwards by 14 >= 12
        episode["assessments"]!.AsArray().Select(a => a!["kind"]!.GetValue<string>()).ShouldBe(["INITIAL", "RE_ASSESSMENT"]);
    }

    [Fact]
    public async Task range_of_motion_and_muscle_tests_are_kept_per_site()
    {
        var e = await Host.OpenEpisode(Today.AddDays(-10));
        (await GraphQL(ClinicalApi.RecordAssessmentMutation, new
        {
            input = ClinicalApi.AssessmentInput(e, e.Version, Today.AddDays(-10), measures: [],
                rangeOfMotion: [new { joint = "Knee", motion = "Flexion", side = "RIGHT", active = true, degrees = 95 },
                                new { joint = "knee", motion = "extension", side = "RIGHT", active = true, degrees = -5 }],
                muscleTests: [new { muscleGroup = "Quadriceps", side = "RIGHT", grade = 4 }]),
        })).Ok();

        var episode = (await GraphQL($$"""{ episode(id: "{{e.EpisodeId}}") { rangeOfMotion { joint motion side baseline latest } muscleTests { muscleGroup side latest } } }""")).Ok()["episode"]!;
        var rom = episode["rangeOfMotion"]!.AsArray();
        rom.Count.ShouldBe(2);
        rom[0]!["joint"]!.GetValue<string>().ShouldBe("knee");
        rom[0]!["motion"]!.GetValue<string>().ShouldBe("extension");
        rom[0]!["latest"]!.GetValue<decimal>().ShouldBe(-5);
        episode["muscleTests"]!.AsArray().Single()!["latest"]!.GetValue<decimal>().ShouldBe(4);
    }

    [Theory]
    [InlineData("LEFS", 81, "input.measures[0].value")]
    [InlineData("NPRS", -1, "input.measures[0].value")]
    [InlineData("BBS", 57, "input.measures[0].value")]
    [InlineData("TUG", -0.5, "input.measures[0].value")]
    [InlineData("XYZ", 3, "input.measures[0].code")]
    [InlineData("MMT", 3, "input.measures[0].code")]
    public async Task an_impossible_measure_is_refused_and_nothing_is_written(string code, decimal value, string field)
    {
        var e = await Host.OpenEpisode(Today.AddDays(-10));
        var before = await EventCount();

        var response = await GraphQL(ClinicalApi.RecordAssessmentMutation, new
        {
            input = ClinicalApi.AssessmentInput(e, e.Version, Today, measures: [new { code, value }]),
        });

        response.Status.ShouldBe(HttpStatusCode.OK);
        response.ErrorCode.ShouldBe("VALIDATION_FAILED");
        response.ErrorField.ShouldBe(field);
        response.Data?["recordAssessment"].ShouldBeNull();
        (await EventCount()).ShouldBe(before);
    }

    [Fact]
    public async Task an_assessment_dated_in_the_future_or_before_the_episode_is_refused()
    {
        var e = await Host.OpenEpisode(Today.AddDays(-10));
        foreach (var date in new[] { Today.AddDays(1), Today.AddDays(-11) })
        {
            var response = await GraphQL(ClinicalApi.RecordAssessmentMutation,
                new { input = ClinicalApi.AssessmentInput(e, e.Version, date) });
            response.ErrorCode.ShouldBe("VALIDATION_FAILED");
            response.ErrorField.ShouldBe("input.effectiveOn");
        }
    }

    [Fact]
    public async Task an_oversized_finding_is_refused_not_truncated()
    {
        var e = await Host.OpenEpisode(Today.AddDays(-10));
        var response = await GraphQL(ClinicalApi.RecordAssessmentMutation,
            new { input = ClinicalApi.AssessmentInput(e, e.Version, Today, findings: new string('x', 100_000)) });
        response.ErrorCode.ShouldBe("VALIDATION_FAILED");
        response.ErrorField.ShouldBe("input.findings");
    }

    [Fact]
    public async Task a_stale_version_is_refused_with_conflict_and_changes_nothing()
    {
        var e = await Host.OpenEpisode(Today.AddDays(-10));
        (await GraphQL(ClinicalApi.RecordAssessmentMutation,
            new { input = ClinicalApi.AssessmentInput(e, e.Version, Today.AddDays(-10)) })).Ok();
        var before = await EventCount();

        var stale = await GraphQL(ClinicalApi.RecordAssessmentMutation,
            new { input = ClinicalApi.AssessmentInput(e, e.Version, Today, "RE_ASSESSMENT") });

        stale.ErrorCode.ShouldBe("CONFLICT");
        (await EventCount()).ShouldBe(before);
    }

    [Fact]
    public async Task two_writers_with_the_same_version_one_wins_the_other_gets_conflict()
    {
        var e = await Host.OpenEpisode(Today.AddDays(-10));
        var results = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => GraphQL(ClinicalApi.RecordAssessmentMutation,
            new { input = ClinicalApi.AssessmentInput(e, e.Version, Today, "RE_ASSESSMENT") })));

        results.Count(r => r.Errors is null).ShouldBe(1);
        results.Single(r => r.Errors is not null).ErrorCode.ShouldBe("CONFLICT");
        await using var session = Fixture.Store.QuerySession();
        (await session.LoadAsync<Episode>(e.EpisodeId))!.Assessments.Count.ShouldBe(1);
    }

    [Fact]
    public async Task an_unknown_episode_is_not_found()
    {
        var e = await Host.OpenEpisode(Today.AddDays(-10));
        var response = await GraphQL(ClinicalApi.RecordAssessmentMutation,
            new { input = ClinicalApi.AssessmentInput(e with { EpisodeId = Guid.NewGuid() }, 1, Today) });
        response.ErrorCode.ShouldBe("NOT_FOUND");
        response.ErrorField.ShouldBe("input.episodeId");
    }

    [Fact]
    public async Task an_assessor_from_another_clinic_is_answered_like_an_unknown_one()
    {
        var e = await Host.OpenEpisode(Today.AddDays(-10));
        var elsewhere = await Host.RegisterTherapist(await Host.RegisterClinic("Elsewhere PT"));
        var response = await GraphQL(ClinicalApi.RecordAssessmentMutation,
            new { input = ClinicalApi.AssessmentInput(e with { TherapistId = elsewhere }, e.Version, Today) });
        response.ErrorCode.ShouldBe("NOT_FOUND");
        response.ErrorField.ShouldBe("input.assessorId");
        response.ErrorMessage.ShouldBe($"No therapist with id {elsewhere} exists.");
    }

    [Fact]
    public async Task a_discharged_episode_is_closed_to_new_assessments()
    {
        var e = await Host.OpenEpisode(Today.AddDays(-10));
        var discharged = (await GraphQL("""
            mutation($input: DischargeEpisodeInput!) { dischargeEpisode(input: $input) { version episode { status dischargedOn } } }
            """, new { input = new { episodeId = e.EpisodeId, expectedVersion = e.Version, effectiveOn = Today.ToString("yyyy-MM-dd"), reason = "Goals met" } })).Ok();
        discharged["dischargeEpisode"]!["episode"]!["status"]!.GetValue<string>().ShouldBe("DISCHARGED");
        var version = discharged["dischargeEpisode"]!["version"]!.GetValue<long>();
        var before = await EventCount();

        var response = await GraphQL(ClinicalApi.RecordAssessmentMutation,
            new { input = ClinicalApi.AssessmentInput(e, version, Today, "DISCHARGE") });

        response.ErrorCode.ShouldBe("EPISODE_CLOSED");
        (await EventCount()).ShouldBe(before);
    }

    [Fact]
    public async Task the_event_carries_actor_effective_date_and_the_request_correlation_ids()
    {
        var e = await Host.OpenEpisode(Today.AddDays(-10));
        (await GraphQL(ClinicalApi.RecordAssessmentMutation,
            new { input = ClinicalApi.AssessmentInput(e, e.Version, Today.AddDays(-3)) },
            new Dictionary<string, string> { ["X-Correlation-Id"] = "visit-2026-03-18-42" })).Ok();

        await using var session = Fixture.Store.QuerySession();
        var recorded = (await session.Events.FetchStreamAsync(e.EpisodeId)).Last();
        var data = recorded.Data.ShouldBeOfType<AssessmentRecorded>();
        data.EffectiveOn.ShouldBe(Today.AddDays(-3));
        data.By.Id.ShouldBe(TestTokens.PlatformAdmin.Subject);
        // The service's own id; the caller's is kept beside it (see when_a_caller_sends_a_correlation_id).
        recorded.CorrelationId.ShouldNotBeNullOrEmpty();
        recorded.CorrelationId.ShouldNotBe("visit-2026-03-18-42");
        recorded.Headers!["client-correlation-id"]?.ToString().ShouldBe("visit-2026-03-18-42");
        recorded.UserName.ShouldBe(TestTokens.PlatformAdmin.Subject);
        recorded.CausationId.ShouldNotBeNullOrEmpty();
        recorded.Headers.ShouldNotBeNull();
        recorded.Headers["actor-role"]?.ToString().ShouldBe(TestTokens.PlatformAdmin.Role);
    }

    [Fact]
    public async Task retrying_the_same_assessment_id_records_it_once()
    {
        var e = await Host.OpenEpisode(Today.AddDays(-10));
        var id = Guid.NewGuid();
        var input = new Dictionary<string, object?>
        {
            ["id"] = id, ["episodeId"] = e.EpisodeId, ["expectedVersion"] = e.Version, ["kind"] = "INITIAL",
            ["effectiveOn"] = Today.ToString("yyyy-MM-dd"), ["assessorId"] = e.TherapistId,
            ["measures"] = new[] { new { code = "LEFS", value = 40 } },
        };
        (await GraphQL(ClinicalApi.RecordAssessmentMutation, new { input })).Ok();

        input["expectedVersion"] = e.Version + 1; // a client that re-read the version before retrying
        var retry = await GraphQL(ClinicalApi.RecordAssessmentMutation, new { input });

        retry.ErrorCode.ShouldBe("CONFLICT");
        await using var session = Fixture.Store.QuerySession();
        (await session.LoadAsync<Episode>(e.EpisodeId))!.Assessments.Count.ShouldBe(1);
    }
}
