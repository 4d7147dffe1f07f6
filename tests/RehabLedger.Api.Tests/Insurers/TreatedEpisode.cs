using Alba;
using RehabLedger.Tests.Support;
using static RehabLedger.Tests.Support.InsurersApi;

namespace RehabLedger.Tests.Insurers;

/// <summary>
/// One knee episode covered by Acme Health, recorded through GraphQL from evaluation to discharge (today is
/// 2026-03-18): a certification, three assessments, two goals, a home exercise, five sessions (one later entered in
/// error), home logs, a progress report. Every free-text field carries a marker listed in <see cref="Forbidden"/>.
/// </summary>
public sealed record TreatedEpisode(EpisodeSetup Setup, Guid ExerciseId, Guid StairsGoalId, IReadOnlyList<string> Forbidden)
{
    public static readonly DateOnly Start = new(2026, 2, 9); // a Monday
    public static readonly DateOnly Reassessed = new(2026, 3, 2);
    public static readonly DateOnly Discharged = new(2026, 3, 16);

    public const string Family = "Zephyrine";
    public const string Given = "Quillonette";
    public const string Mrn = "MRN-55501-Q";
    public const string AssessorName = "Robin Ames";

    public static async Task<TreatedEpisode> Record(IAlbaHost host, bool discharge = true)
    {
        var clinicId = await host.RegisterClinic();
        var therapistId = await host.RegisterTherapist(clinicId, AssessorName);
        var e = await host.OpenCovered(clinicId, therapistId, Start, family: Family, given: Given, mrn: Mrn,
            referralSource: "REFERRAL-MARKER Dr. Halvorsen");
        var v = e.Version;

        v = await host.Mutate("certifyPlanOfCare", "CertifyPlanOfCareInput", new
        {
            episodeId = e.EpisodeId, expectedVersion = v, start = Day(Start), end = Day(Start.AddDays(59)),
            physician = new { name = "Dr. CERTPHYS-MARKER", npi = "1234567893" }, note = "CERTNOTE-MARKER",
        });
        v = await Assess(host, e, v, Start, "INITIAL", 38, 7, 95, "FINDINGS-MARKER-INITIAL", muscleGrade: 4);

        var stairs = Guid.NewGuid();
        v = await host.Mutate("setGoal", "SetGoalInput", new
        {
            episodeId = e.EpisodeId, expectedVersion = v, id = stairs, description = "Climb one flight of stairs without a rail",
            measureCode = "LEFS", baseline = 38, target = 60, targetDate = "2026-04-01", effectiveOn = Day(Start),
        });
        var walk = Guid.NewGuid();
        v = await host.Mutate("setGoal", "SetGoalInput", new
        {
            episodeId = e.EpisodeId, expectedVersion = v, id = walk, description = "Walk 20 minutes without a rest", effectiveOn = Day(Start),
        });

        var exerciseId = Guid.NewGuid();
        v = await host.Mutate("prescribeExercise", "PrescribeExerciseInput", new
        {
            episodeId = e.EpisodeId, expectedVersion = v, effectiveOn = Day(Start), reason = "RATIONALE-MARKER",
            exercise = new
            {
                id = exerciseId, name = "Sit to stand", category = "FUNCTIONAL", dosage = ProgramApi.Dosage(sets: 2, repetitions: 10, frequencyPerWeek: 3, setting: "HOME"),
                instructions = "INSTRUCTIONS-MARKER", precautions = "PRECAUTIONS-MARKER",
            },
        });

        var first = SessionsApi.AttendedInput(e, v, new DateOnly(2026, 2, 10));
        first["note"] = "SESSIONNOTE-MARKER";
        first["adverseEvents"] = new[] { new { description = "ADVERSE-MARKER dizziness", severity = "MILD", actionTaken = "ACTION-MARKER rest" } };
        v = await host.Mutate("recordSession", "RecordSessionInput", first);
        v = await host.RecordAttended(e, v, new DateOnly(2026, 2, 12));
        v = await host.Mutate("recordSession", "RecordSessionInput", SessionsApi.MissedInput(e, v, new DateOnly(2026, 2, 17), "CANCELLED"));
        v = await host.Mutate("recordSession", "RecordSessionInput", SessionsApi.MissedInput(e, v, new DateOnly(2026, 2, 19), "NO_SHOW"));
        v = await host.RecordAttended(e, v, new DateOnly(2026, 2, 24));
        var mistaken = Guid.NewGuid();
        v = await host.RecordAttended(e, v, new DateOnly(2026, 2, 26), mistaken);
        v = await host.Mutate("markEnteredInError", "MarkEnteredInErrorInput",
            new { episodeId = e.EpisodeId, expectedVersion = v, entryId = mistaken, reason = "CORRECTION-MARKER" });

        foreach (var day in new[] { 10, 11, 16, 18, 20 })
        {
            var log = SessionsApi.HomeLogInput(e, v, new DateOnly(2026, 2, day), exerciseId);
            log["note"] = "HOMENOTE-MARKER";
            v = await host.Mutate("logHomeExercise", "LogHomeExerciseInput", log);
        }

        v = await host.Mutate("issueProgressReport", "IssueProgressReportInput", new
        {
            episodeId = e.EpisodeId, expectedVersion = v, effectiveOn = "2026-02-24",
            goalSummaries = new[] { new { goalId = stairs, summary = "SUMMARY-MARKER stairs" }, new { goalId = walk, summary = "SUMMARY-MARKER walk" } },
            plan = "PLAN-MARKER",
        });
        v = await Assess(host, e, v, Reassessed, "RE_ASSESSMENT", 47, 4, 110, "FINDINGS-MARKER-REASSESSMENT");
        v = await host.Mutate("reviseGoal", "ReviseGoalInput", new
        {
            episodeId = e.EpisodeId, expectedVersion = v, goalId = stairs, target = 62, reason = "REVISION-MARKER", effectiveOn = Day(Reassessed),
        });
        v = await host.Mutate("setGoalStatus", "SetGoalStatusInput", new
        {
            episodeId = e.EpisodeId, expectedVersion = v, goalId = walk, status = "ACHIEVED", note = "GOALNOTE-MARKER", effectiveOn = Day(Reassessed),
        });

        if (discharge)
        {
            await host.Discharge(e, v, Discharged, "DISCHARGE-REASON-MARKER", new
            {
                assessorId = therapistId,
                measures = new object[] { new { code = "LEFS", value = 61 }, new { code = "NPRS", value = 2 } },
                findings = "FINDINGS-MARKER-DISCHARGE",
            });
        }

        string[] forbidden =
        [
            "MARKER", Family, Given, Mrn, "1961-05-04", e.PatientId.ToString(), AssessorName, "Halvorsen", "Unauthenticated caller",
        ];
        return new TreatedEpisode(e, exerciseId, stairs, forbidden);
    }

    private static Task<long> Assess(IAlbaHost host, EpisodeSetup e, long v, DateOnly on, string kind, decimal lefs, decimal nprs,
        decimal kneeFlexion, string findings, decimal? muscleGrade = null) =>
        host.Mutate("recordAssessment", "RecordAssessmentInput", ClinicalApi.AssessmentInput(e, v, on, kind,
            [new { code = "LEFS", value = lefs }, new { code = "NPRS", value = nprs }],
            [new { joint = "knee", motion = "flexion", side = "RIGHT", active = true, degrees = kneeFlexion }],
            muscleGrade is { } grade ? [new { muscleGroup = "quadriceps", side = "RIGHT", grade }] : [],
            findings));

    /// <summary>Fails with the offending text when any forbidden string occurs anywhere in <paramref name="serialized"/>.</summary>
    public void ShouldDiscloseNothingForbiddenIn(string serialized, string what)
    {
        foreach (var text in Forbidden)
            serialized.Contains(text, StringComparison.OrdinalIgnoreCase).ShouldBeFalse($"{what} discloses \"{text}\"");
    }
}
