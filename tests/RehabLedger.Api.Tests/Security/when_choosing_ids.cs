using System.Net;
using Alba;
using Marten;
using Marten.Events;
using RehabLedger.Common;
using RehabLedger.Disclosures;
using RehabLedger.Episodes;
using RehabLedger.Programs;
using RehabLedger.Sessions;
using RehabLedger.Tests.Support;

namespace RehabLedger.Tests.Security;

/// <summary>
/// Clients choose the ids of what they record. An entry id belongs to its episode: reused on another episode, of any
/// clinic, it changes nothing of the first; within an episode it names one entry of one kind. Ids the service keeps
/// for its own streams are refused to everybody.
/// </summary>
public sealed class when_choosing_ids(AppFixture fixture) : AppScenario(fixture)
{
    /// <summary>The ids a client chose for one entry of each kind.</summary>
    private sealed record EntryIds(Guid Assessment, Guid Certification, Guid Goal, Guid Exercise, Guid Session, Guid HomeLog, Guid Report)
    {
        public static EntryIds New() => new(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
    }

    /// <summary>Every read model that shows an episode's entries, with the values that tell one episode's entries from another's.</summary>
    private const string EverythingQuery = """
        query($id: ID!, $clinicId: ID!) {
          episode(id: $id) {
            version
            assessments { id findings }
            certifications { id start end note }
            goals { id description status }
            progressReports { id plan goalSummaries { goalId summary } }
            currentProgram { exercises(includeEnded: true) { id name lastChange { changeId } } }
            sessions { totalCount edges { node { id date painBefore note } } }
            homeLogs { totalCount edges { node { id date sets pain } } }
            progress {
              attendance { attended cancelled noShow visitsUsed }
              homeAdherence { weekStart prescribed done }
              painTrend { sessionId date painBefore painAfter }
              adverseEvents { sessionId date }
              goals { id status }
            }
            timeline { version eventType entryId summary enteredInError }
          }
          outcomeHistory(episodeId: $id) { visitsUsed attendance { attended } homeAdherence { weekStart done } goals { description status } progressReportDates }
          caseload(clinicId: $clinicId) { edges { node { episodeId lastThreePains attendedSinceProgressReport daysSinceAttendance daysSinceAssessment } } }
          programHistory(episodeId: $id) { edges { node { changeId kind exerciseId exerciseName } } }
        }
        """;

    private async Task<string> Everything(EpisodeSetup e)
    {
        await Host.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));
        return (await GraphQL(EverythingQuery, new { id = e.EpisodeId, clinicId = e.ClinicId })).Ok().ToJsonString();
    }

    /// <summary>Records one entry of each kind with the given ids; <paramref name="pain"/> tells the episodes' entries apart.</summary>
    private async Task<long> RecordEntries(EpisodeSetup e, EntryIds ids, int pain)
    {
        var day = Today.AddDays(-6);
        var assessment = new Dictionary<string, object?>
        {
            ["id"] = ids.Assessment, ["episodeId"] = e.EpisodeId, ["expectedVersion"] = e.Version, ["kind"] = "INITIAL",
            ["effectiveOn"] = Day(day), ["assessorId"] = e.TherapistId, ["measures"] = new[] { new { code = "NPRS", value = pain } },
            ["findings"] = $"Pain {pain} of 10.",
        };
        var v = await Host.Mutate("recordAssessment", "RecordAssessmentInput", assessment);
        v = await Host.Certify(e, v, day, day.AddDays(59), ids.Certification);
        (_, v) = await Host.SetGoal(GoalsApi.GoalInput(e, v, day, description: $"Walk with pain below {pain}", id: ids.Goal));
        v = await Host.Mutate("prescribeExercise", "PrescribeExerciseInput",
            ProgramApi.PrescribeInput(e.EpisodeId, v, day, name: $"Step-up {pain}", id: ids.Exercise));
        var session = SessionsApi.AttendedInput(e, v, day.AddDays(1), ids.Exercise);
        session["id"] = ids.Session;
        session["painBefore"] = pain;
        session["note"] = $"Pain {pain} before.";
        session["adverseEvents"] = new[] { new { description = $"Dizzy at {pain}", severity = "MILD", actionTaken = "Rested" } };
        v = await Host.Mutate("recordSession", "RecordSessionInput", session);
        var log = SessionsApi.HomeLogInput(e, v, day.AddDays(2 + pain % 2), ids.Exercise);
        log["id"] = ids.HomeLog;
        log["pain"] = pain;
        v = await Host.Mutate("logHomeExercise", "LogHomeExerciseInput", log);
        return await Host.Mutate("issueProgressReport", "IssueProgressReportInput", new
        {
            id = ids.Report, episodeId = e.EpisodeId, expectedVersion = v, effectiveOn = Day(day.AddDays(3)), plan = $"Continue, pain {pain}",
            goalSummaries = new[] { new { goalId = ids.Goal, summary = $"Pain {pain}" } },
        });
    }

    [Fact]
    public async Task another_clinics_episode_reusing_every_entry_id_changes_nothing_in_any_read_model_of_the_first()
    {
        var ids = EntryIds.New();
        var first = await Host.OpenEpisode(Today.AddDays(-10));
        await RecordEntries(first, ids, pain: 3);
        var before = await Everything(first);

        var other = await Host.OpenEpisode(Today.AddDays(-10)); // another clinic, therapist and patient
        var v = await RecordEntries(other, ids, pain: 8);
        (await Everything(first)).ShouldBe(before);

        // The other episode sees its own entries under the same ids, and its corrections stay its own.
        var own = (await GraphQL(EverythingQuery, new { id = other.EpisodeId, clinicId = other.ClinicId })).Ok()["episode"]!;
        own["sessions"]!["edges"]![0]!["node"]!["painBefore"]!.GetValue<int>().ShouldBe(8);
        own["homeLogs"]!["edges"]![0]!["node"]!["pain"]!.GetValue<int>().ShouldBe(8);
        foreach (var entry in new[] { ids.Session, ids.HomeLog, ids.Assessment, ids.Report, ids.Certification })
            v = await Host.MarkEnteredInError(other.EpisodeId, v, entry, "Recorded on the wrong episode");
        (await Everything(first)).ShouldBe(before);
    }

    [Fact]
    public async Task a_patient_logging_with_an_id_another_patient_used_changes_nothing_of_the_other_patients_adherence()
    {
        var logId = Guid.NewGuid();
        var first = await Host.OpenEpisode(Today.AddDays(-10));
        var exercise = await Fixture.Prescribe(first.EpisodeId, Today.AddDays(-9), setting: ExerciseSetting.Home);
        await Host.LogHomeExercise(first, await Fixture.EpisodeVersion(first.EpisodeId), Today.AddDays(-2), exercise, logId);
        var before = await Everything(first);

        var other = await Host.OpenEpisode(Today.AddDays(-10));
        var theirs = await Fixture.Prescribe(other.EpisodeId, Today.AddDays(-9), setting: ExerciseSetting.Home);
        await Host.LogHomeExercise(other, await Fixture.EpisodeVersion(other.EpisodeId), Today.AddDays(-5), theirs, logId);

        (await Everything(first)).ShouldBe(before);
    }

    public static TheoryData<string, string, string> CrossKind() => new()
    {
        // creating, named by the id of, in words
        { "session", "Assessment", "an assessment" },
        { "assessment", "Session", "a session" },
        { "home log", "Goal", "a goal" },
        { "goal", "HomeLog", "a home log" },
        { "certification", "Report", "a progress report" },
        { "progress report", "Certification", "a certification" },
        { "exercise", "Session", "a session" },
        { "session", "Exercise", "an exercise" },
        { "session", "ProgramChange", "a program change" },
    };

    [Theory]
    [MemberData(nameof(CrossKind))]
    public async Task an_id_already_naming_an_entry_of_another_kind_is_refused_with_conflict(string creating, string takenBy, string taken)
    {
        var ids = EntryIds.New();
        var e = await Host.OpenEpisode(Today.AddDays(-10));
        var v = await RecordEntries(e, ids, pain: 4);
        var id = takenBy == "ProgramChange"
            ? await Host.LastChangeOf(e.EpisodeId, ids.Exercise)
            : (Guid)typeof(EntryIds).GetProperty(takenBy)!.GetValue(ids)!;
        var events = await EventCount();

        var day = Day(Today.AddDays(-1));
        var response = creating switch
        {
            "session" => await Send("recordSession", "RecordSessionInput", With(SessionsApi.AttendedInput(e, v, Today.AddDays(-1)), id)),
            "home log" => await Send("logHomeExercise", "LogHomeExerciseInput", With(SessionsApi.HomeLogInput(e, v, Today.AddDays(-1), ids.Exercise), id)),
            "goal" => await Send("setGoal", "SetGoalInput", GoalsApi.GoalInput(e, v, Today.AddDays(-1), id: id)),
            "assessment" => await Send("recordAssessment", "RecordAssessmentInput", new
            {
                id, episodeId = e.EpisodeId, expectedVersion = v, kind = "RE_ASSESSMENT", effectiveOn = day, assessorId = e.TherapistId, findings = "Better.",
            }),
            "certification" => await Send("certifyPlanOfCare", "CertifyPlanOfCareInput", PlanOfCareApi.CertifyInput(e, v, Today, Today.AddDays(30), id)),
            "progress report" => await Send("issueProgressReport", "IssueProgressReportInput", new
            {
                id, episodeId = e.EpisodeId, expectedVersion = v, effectiveOn = day, plan = "Continue",
                goalSummaries = new[] { new { goalId = ids.Goal, summary = "Nearly there" } },
            }),
            "exercise" => await Send("prescribeExercise", "PrescribeExerciseInput", ProgramApi.PrescribeInput(e.EpisodeId, v, Today.AddDays(-1), "Bridge", id: id)),
            _ => throw new ArgumentOutOfRangeException(nameof(creating)),
        };

        response.ErrorCode.ShouldBe(ErrorCodes.Conflict);
        var article = "aeiou".Contains(creating[0]) ? "an" : "a";
        response.ErrorMessage.ShouldBe($"Id {id} already names {taken} of this episode; {article} {creating} needs an id of its own.");
        (await EventCount()).ShouldBe(events);
    }

    [Fact]
    public async Task a_correction_in_a_stream_recorded_before_ids_were_unique_across_kinds_marks_only_the_entry_of_its_kind()
    {
        var e = await Host.OpenEpisode(Today.AddDays(-10));
        var (assessmentId, _) = await Host.Assess(e, e.Version, Today.AddDays(-8), "INITIAL", new { code = "NPRS", value = 6 });
        // An older build let a session take the assessment's id.
        await using (var older = Fixture.Store.LightweightSession())
        {
            var stream = await older.Events.FetchForWriting<Episode>(e.EpisodeId);
            stream.AppendOne(new SessionRecorded(e.EpisodeId, assessmentId, Today.AddDays(-2), Attendance.Attended, 40, e.TherapistId, "Robin Ames",
                [], 5, 3, null, [], null, SessionsApi.Prescriber));
            await older.SaveChangesAsync();
        }

        // The correction names the assessment (the id's first kind), so the session stays in every view.
        await Host.MarkEnteredInError(e.EpisodeId, await Fixture.EpisodeVersion(e.EpisodeId), assessmentId, "Wrong patient");

        var everything = System.Text.Json.Nodes.JsonNode.Parse(await Everything(e))!;
        everything["episode"]!["assessments"]!.AsArray().ShouldBeEmpty();
        SessionsApi.Ids(everything["episode"]!["sessions"]!).ShouldBe([assessmentId]);
        everything["episode"]!["progress"]!["attendance"]!["attended"]!.GetValue<int>().ShouldBe(1);
        var row = everything["caseload"]!["edges"]!.AsArray().Single()!["node"]!;
        row["lastThreePains"]!.AsArray().Select(p => p!.GetValue<int>()).ShouldBe([5]);
    }

    [Fact]
    public async Task an_episode_cannot_take_the_id_of_the_stream_where_the_service_records_refusals()
    {
        var e = await Host.OpenEpisode(Today.AddDays(-10));
        var events = await EventCount();
        var input = ClinicalApi.OpenEpisodeInput(e.ClinicId, e.TherapistId, e.PatientId, Today) as object;
        var response = await GraphQL(ClinicalApi.OpenEpisodeMutation, new { input = With(input, DisclosureLog.AccessLogStreamId) });

        response.ErrorCode.ShouldBe(ErrorCodes.ValidationFailed);
        response.ErrorField.ShouldBe("input.id");
        response.ErrorMessage.ShouldBe($"input.id {DisclosureLog.AccessLogStreamId} is reserved for the service's own records; choose another id.");
        (await EventCount()).ShouldBe(events);
    }

    [Theory]
    [InlineData("ac000000-0000-4000-8000-000000000000")]
    [InlineData("ac000000-0000-4000-8000-0000000000ff")]
    [InlineData("AC000000-0000-4000-8000-FFFFFFFFFFFF")]
    public async Task every_client_chosen_id_in_the_reserved_block_is_refused(string reserved)
    {
        var id = Guid.Parse(reserved);
        var e = await Host.OpenEpisode(Today.AddDays(-10));
        var events = await EventCount();

        var refusals = new[]
        {
            await GraphQL("mutation($input: RegisterClinicInput!) { registerClinic(input: $input) { version } }", new { input = new { id, name = "Cedar PT" } }),
            await GraphQL("mutation($input: RegisterTherapistInput!) { registerTherapist(input: $input) { version } }",
                new { input = new { id, clinicId = e.ClinicId, displayName = "Sam Okoro", profession = "PTA" } }),
            await GraphQL("mutation($input: RegisterPatientInput!) { registerPatient(input: $input) { version } }",
                new { input = new { id, clinicId = e.ClinicId, familyName = "Lind", givenName = "Ola", birthDate = "1970-02-03", sex = "MALE" } }),
            await GraphQL(ClinicalApi.OpenEpisodeMutation,
                new { input = With(ClinicalApi.OpenEpisodeInput(e.ClinicId, e.TherapistId, e.PatientId, Today), id) }),
            await Send("recordSession", "RecordSessionInput", With(SessionsApi.AttendedInput(e, e.Version, Today), id)),
            await Send("setGoal", "SetGoalInput", GoalsApi.GoalInput(e, e.Version, Today, id: id)),
        };

        foreach (var refusal in refusals)
        {
            refusal.ErrorCode.ShouldBe(ErrorCodes.ValidationFailed, refusal.Body.ToJsonString());
            refusal.ErrorField.ShouldBe("input.id");
        }
        (await EventCount()).ShouldBe(events);
    }

    [Fact]
    public void the_stream_of_refusals_is_in_the_reserved_block_and_ordinary_ids_are_not()
    {
        ServiceStreams.IsReserved(DisclosureLog.AccessLogStreamId).ShouldBeTrue();
        ServiceStreams.IsReserved(Guid.Parse("ac000000-0000-4000-8000-123456789abc")).ShouldBeTrue();
        ServiceStreams.IsReserved(Guid.Parse("ac000000-0000-4000-8001-000000000000")).ShouldBeFalse();
        ServiceStreams.IsReserved(Guid.Parse("e0000000-0000-4000-8000-000000000001")).ShouldBeFalse();
        ServiceStreams.IsReserved(Guid.CreateVersion7()).ShouldBeFalse();
    }

    [Fact]
    public void an_entry_document_key_depends_on_both_the_episode_and_the_entry()
    {
        var (episode, other, entry) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        EntryDocument.Key(episode, entry).ShouldBe(EntryDocument.Key(episode, entry));
        EntryDocument.Key(episode, entry).ShouldNotBe(EntryDocument.Key(other, entry));
        EntryDocument.Key(episode, entry).ShouldNotBe(EntryDocument.Key(entry, episode));
        EntryDocument.Key(episode, entry).ShouldNotBe(entry);
        EntryDocument.Key(episode, entry).Version.ShouldBe(8);
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd");

    private Task<GraphQLResponse> Send(string field, string inputType, object input) =>
        GraphQL($"mutation($input: {inputType}!) {{ {field}(input: $input) {{ version }} }}", new { input });

    /// <summary>The input with its <c>id</c> set, whatever shape it was built in.</summary>
    private static Dictionary<string, object?> With(object input, Guid id)
    {
        var fields = input as Dictionary<string, object?>
                     ?? input.GetType().GetProperties().ToDictionary(p => p.Name, p => p.GetValue(input));
        fields["id"] = id;
        return fields;
    }
}
