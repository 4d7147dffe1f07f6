using System.Text.Json.Nodes;
using RehabLedger.Programs;
using RehabLedger.Tests.Support;
using static RehabLedger.Tests.Support.AuditApi;

namespace RehabLedger.Tests.Audit;

/// <summary>
/// Each filter is checked against the whole trail read without a filter: it must answer exactly the events that
/// match, and none of the others (other actors, patients, episodes, types and times).
/// </summary>
public sealed class when_following_the_audit_trail(AppFixture fixture) : AppScenario(fixture)
{
    private sealed record TwoPatients(EpisodeSetup A1, Guid A2, Guid PatientB, Guid B, Guid ChangeInB, long VersionOfA1);

    /// <summary>Patient A with two episodes, patient B with one; Dana and Marcus write in all of them.</summary>
    private async Task<TwoPatients> TwoPatientsAndTwoTherapists()
    {
        var a1 = await Host.OpenEpisode(Today.AddDays(-20));
        var a2 = await OpenEpisode(a1.ClinicId, a1.TherapistId, a1.PatientId);
        var patientB = await Host.RegisterPatient(a1.ClinicId, "Okafor");
        var b = await OpenEpisode(a1.ClinicId, a1.TherapistId, patientB);

        var (squat, _, v) = await Host.Prescribe(Dana, a1.EpisodeId, a1.Version, Today.AddDays(-19), "Sit to stand", Dosage(3, 10));
        (_, v) = await Host.Adjust(Marcus, a1.EpisodeId, v, squat, AdjustmentKind.Progression, Dosage(3, 12), Today.AddDays(-10), "Easy");
        await Host.Prescribe(Marcus, a2, 1, Today.AddDays(-19), "Bridge", Dosage(2, 12));
        var (_, changeInB, vb) = await Host.Prescribe(Dana, b, 1, Today.AddDays(-18), "Clamshell", Dosage(2, 15));
        await Host.MarkInError(Dana, b, vb, changeInB, "Wrong patient");
        return new TwoPatients(a1, a2, patientB, b, changeInB, v);
    }

    private async Task<Guid> OpenEpisode(Guid clinicId, Guid therapistId, Guid patientId) =>
        ClinicalApi.IdOf((await GraphQL(ClinicalApi.OpenEpisodeMutation,
            new { input = ClinicalApi.OpenEpisodeInput(clinicId, therapistId, patientId, Today.AddDays(-20)) })).Ok()["openEpisode"]!["episode"]!);

    private static long[] Sequences(IEnumerable<JsonNode> events) => events.Select(x => x.Long("sequence")).ToArray();

    private static string? ActorOf(JsonNode e) => e["actor"]?["id"]?.GetValue<string>();

    [Fact]
    public async Task without_a_filter_every_event_of_every_stream_appears_newest_first()
    {
        await TwoPatientsAndTwoTherapists();
        // Counted first: reading the trail is itself accounted, in events newer than the first page.
        var stored = await EventCount();

        var all = await Host.AllAuditEvents(pageSize: 4);

        all.Count.ShouldBe((int)stored);
        Sequences(all).ShouldBeInOrder(SortDirection.Descending);
        Sequences(all).Distinct().Count().ShouldBe(all.Count);
        all.Select(x => x.Text("type")).ShouldContain("clinic_registered");
    }

    [Fact]
    public async Task the_actor_filter_answers_exactly_that_actors_events()
    {
        await TwoPatientsAndTwoTherapists();
        var all = await Host.AllAuditEvents();

        var dana = await Host.AllAuditEvents(new { actorId = "pt-dana" });

        Sequences(dana).ShouldBe(Sequences(all.Where(x => ActorOf(x) == "pt-dana")));
        dana.Count.ShouldBe(3);
        dana.ShouldAllBe(x => x["actor"]!["displayName"]!.GetValue<string>() == "Dana Whitfield");
        (await Host.AllAuditEvents(new { actorId = "nobody" })).ShouldBeEmpty();
    }

    [Fact]
    public async Task the_patient_filter_answers_the_patients_own_stream_and_all_their_episodes()
    {
        var s = await TwoPatientsAndTwoTherapists();
        var all = await Host.AllAuditEvents();

        var patientA = await Host.AllAuditEvents(new { patientId = s.A1.PatientId });

        var streams = new[] { s.A1.PatientId, s.A1.EpisodeId, s.A2 }.Select(x => x.ToString()).ToHashSet();
        Sequences(patientA).ShouldBe(Sequences(all.Where(x => streams.Contains(x.Text("streamId")))));
        patientA.Select(x => x.Text("streamId")).Distinct().Count().ShouldBe(3);
        patientA.Select(x => x.Text("type")).ShouldContain("patient_registered");
        patientA.ShouldNotContain(x => x.Text("streamId") == s.B.ToString() || x.Text("streamId") == s.PatientB.ToString());
        // An id of another kind of stream is not a patient.
        (await Host.AllAuditEvents(new { patientId = s.A1.EpisodeId })).ShouldBeEmpty();
        (await Host.AllAuditEvents(new { patientId = s.A1.ClinicId })).ShouldBeEmpty();
    }

    [Fact]
    public async Task the_episode_filter_answers_that_episodes_stream_only()
    {
        var s = await TwoPatientsAndTwoTherapists();
        var all = await Host.AllAuditEvents();

        var a1 = await Host.AllAuditEvents(new { episodeId = s.A1.EpisodeId });

        Sequences(a1).ShouldBe(Sequences(all.Where(x => x.Text("streamId") == s.A1.EpisodeId.ToString())));
        a1.Select(x => x.Long("version")).ShouldBe([3L, 2L, 1L]);
        // Both filters must hold: an episode of another patient answers nothing.
        (await Host.AllAuditEvents(new { patientId = s.PatientB, episodeId = s.A1.EpisodeId })).ShouldBeEmpty();
        (await Host.AllAuditEvents(new { patientId = s.A1.PatientId, episodeId = s.A1.EpisodeId })).Count.ShouldBe(3);
        (await Host.AllAuditEvents(new { episodeId = s.A1.PatientId })).ShouldBeEmpty();
    }

    [Fact]
    public async Task the_event_type_filter_answers_exactly_those_types()
    {
        var s = await TwoPatientsAndTwoTherapists();
        var all = await Host.AllAuditEvents();
        string[] types = ["exercise_prescribed", "entry_entered_in_error"];

        var selected = await Host.AllAuditEvents(new { eventTypes = types });

        Sequences(selected).ShouldBe(Sequences(all.Where(x => types.Contains(x.Text("type")))));
        selected.Count.ShouldBe(4);
        selected[0]["data"]!.Text("entryId").ShouldBe(s.ChangeInB.ToString());
    }

    [Fact]
    public async Task the_time_filter_answers_events_recorded_from_its_start_up_to_its_end()
    {
        await TwoPatientsAndTwoTherapists();
        var all = await Host.AllAuditEvents();
        var oldestFirst = all.AsEnumerable().Reverse().ToList();
        var from = oldestFirst[3].Instant("recordedAt");
        var to = oldestFirst[9].Instant("recordedAt");

        var window = await Host.AllAuditEvents(new { from = from.ToString("O"), to = to.ToString("O") });

        Sequences(window).ShouldBe(Sequences(all.Where(x => x.Instant("recordedAt") >= from && x.Instant("recordedAt") < to)));
        window.ShouldContain(x => x.Long("sequence") == oldestFirst[3].Long("sequence"));
        window.ShouldNotContain(x => x.Long("sequence") == oldestFirst[9].Long("sequence"));
        // An offset other than UTC names the same instant.
        var shifted = await Host.AllAuditEvents(new { from = from.ToOffset(TimeSpan.FromHours(2)).ToString("O"), to = to.ToString("O") });
        Sequences(shifted).ShouldBe(Sequences(window));
    }

    [Fact]
    public async Task the_filters_combine()
    {
        var s = await TwoPatientsAndTwoTherapists();
        var all = await Host.AllAuditEvents();

        var combined = await Host.AllAuditEvents(new { actorId = "pta-marcus", patientId = s.A1.PatientId, eventTypes = new[] { "exercise_prescribed" } });

        Sequences(combined).ShouldBe(Sequences(all.Where(x =>
            ActorOf(x) == "pta-marcus" && x.Text("type") == "exercise_prescribed" && x.Text("streamId") == s.A2.ToString())));
        combined.Count.ShouldBe(1);
    }

    [Fact]
    public async Task paging_neither_repeats_nor_skips_while_events_are_appended_between_pages()
    {
        var s = await TwoPatientsAndTwoTherapists();
        var filter = new { patientId = s.A1.PatientId };
        var before = Sequences(await Host.AllAuditEvents(filter));

        var seen = new List<long>();
        string? after = null;
        var v = s.VersionOfA1;
        var exercise = 0;
        while (true)
        {
            var page = (await GraphQL(AuditTrail, new { filter, first = 2, after })).Ok()["auditTrail"]!;
            seen.AddRange(page["edges"]!.AsArray().Select(x => x!["node"]!.Long("sequence")));
            if (!page["pageInfo"]!["hasNextPage"]!.GetValue<bool>()) break;
            after = page["pageInfo"]!.Text("endCursor");
            // New events that match the filter arrive while the auditor pages.
            (_, _, v) = await Host.Prescribe(Dana, s.A1.EpisodeId, v, Today, $"Added while paging {++exercise}", Dosage());
        }

        seen.ShouldBe(before);
        exercise.ShouldBe(2);
        var fresh = (await GraphQL(AuditTrail, new { filter, first = exercise })).Ok()["auditTrail"]!["edges"]!.AsArray();
        fresh.Select(x => x!["node"]!.Long("sequence")).ShouldAllBe(x => x > before[0]);
    }

    [Fact]
    public async Task a_filter_that_cannot_match_is_refused_with_its_field()
    {
        await TwoPatientsAndTwoTherapists();
        var now = DateTimeOffset.UtcNow;

        async Task Refused(object variables, string field)
        {
            var response = await GraphQL(AuditTrail, variables);
            response.ErrorCode.ShouldBe("VALIDATION_FAILED");
            response.ErrorField.ShouldBe(field);
        }

        await Refused(new { filter = new { eventTypes = Array.Empty<string>() } }, "filter.eventTypes");
        await Refused(new { filter = new { eventTypes = new[] { "exercise_prescribed", "ExercisePrescribed" } } }, "filter.eventTypes[1]");
        await Refused(new { filter = new { from = now.ToString("O"), to = now.ToString("O") } }, "filter.to");
        await Refused(new { filter = new { actorId = "" } }, "filter.actorId");
        await Refused(new { after = "bm90IG91cnM=" }, "after");
        await Refused(new { first = 101 }, "first");
    }
}
