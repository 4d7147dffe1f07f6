using System.Text.Json.Nodes;
using Alba;

namespace RehabLedger.Tests.Support;

/// <summary>
/// One-call writers for every kind of episode entry, each answering the new version, and the timeline read: for
/// scenarios that need a whole episode rather than one module's details.
/// </summary>
public static class TimelineApi
{
    public const string TimelineSelection = "version eventType entryId summary effectiveOn recordedAt by { id role } correlationId enteredInError";

    public static async Task<JsonArray> Timeline(this IAlbaHost host, Guid episodeId) =>
        (await host.GraphQL($$"""{ episode(id: "{{episodeId}}") { timeline { {{TimelineSelection}} } } }""")).Ok()["episode"]!["timeline"]!.AsArray();

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd");

    private static long VersionOf(JsonNode data, string mutation) => data[mutation]!["version"]!.GetValue<long>();

    public static async Task<long> Adjust(this IAlbaHost host, Guid episodeId, long version, Guid exerciseId, string kind, object dosage,
        string reason, DateOnly effectiveOn) =>
        VersionOf((await host.GraphQL(ProgramApi.Adjust, new
        {
            input = new { episodeId, expectedVersion = version, exerciseId, kind, dosage, reason, effectiveOn = Day(effectiveOn) },
        })).Ok(), "adjustDosage");

    public static async Task<(Guid ReplacementId, long Version)> Substitute(this IAlbaHost host, Guid episodeId, long version, Guid exerciseId,
        string name, string reason, DateOnly effectiveOn)
    {
        var replacementId = Guid.NewGuid();
        var data = (await host.GraphQL(ProgramApi.Substitute, new
        {
            input = new
            {
                episodeId, expectedVersion = version, exerciseId, reason, effectiveOn = Day(effectiveOn),
                replacement = new { id = replacementId, name, category = "STRENGTHENING", dosage = ProgramApi.Dosage(sets: 2, repetitions: 8) },
            },
        })).Ok();
        return (replacementId, VersionOf(data, "substituteExercise"));
    }

    /// <summary>The id of the last change recorded for an exercise, the id a correction of that change names.</summary>
    public static async Task<Guid> LastChangeOf(this IAlbaHost host, Guid episodeId, Guid exerciseId)
    {
        var data = (await host.GraphQL($$"""
            { episode(id: "{{episodeId}}") { currentProgram { exercises(includeEnded: true) { id lastChange { changeId } } } } }
            """)).Ok();
        var exercise = data["episode"]!["currentProgram"]!["exercises"]!.AsArray().Single(x => ClinicalApi.IdOf(x!) == exerciseId)!;
        return Guid.Parse(exercise["lastChange"]!["changeId"]!.GetValue<string>());
    }

    public static async Task<long> Discontinue(this IAlbaHost host, Guid episodeId, long version, Guid exerciseId, string reason, DateOnly effectiveOn) =>
        VersionOf((await host.GraphQL(ProgramApi.Discontinue, new
        {
            input = new { episodeId, expectedVersion = version, exerciseId, reason, effectiveOn = Day(effectiveOn) },
        })).Ok(), "discontinueExercise");

    public static async Task<long> Certify(this IAlbaHost host, EpisodeSetup e, long version, DateOnly start, DateOnly end, Guid id) =>
        VersionOf((await host.GraphQL(PlanOfCareApi.CertifyMutation, new { input = PlanOfCareApi.CertifyInput(e, version, start, end, id) })).Ok(),
            "certifyPlanOfCare");

    public static async Task<long> RecordSession(this IAlbaHost host, EpisodeSetup e, long version, DateOnly date, Guid id, params Guid[] exercises)
    {
        var input = SessionsApi.AttendedInput(e, version, date, exercises);
        input["id"] = id;
        return VersionOf((await host.GraphQL(SessionsApi.RecordSessionMutation, new { input })).Ok(), "recordSession");
    }

    public static async Task<long> LogHomeExercise(this IAlbaHost host, EpisodeSetup e, long version, DateOnly date, Guid exerciseId, Guid id)
    {
        var input = SessionsApi.HomeLogInput(e, version, date, exerciseId);
        input["id"] = id;
        return VersionOf((await host.GraphQL(SessionsApi.LogHomeExerciseMutation, new { input })).Ok(), "logHomeExercise");
    }

    public static async Task<long> IssueProgressReport(this IAlbaHost host, EpisodeSetup e, long version, DateOnly effectiveOn, string plan,
        params (Guid GoalId, string Summary)[] goals) =>
        VersionOf((await host.GraphQL(GoalsApi.IssueProgressReportMutation, new
        {
            input = new
            {
                episodeId = e.EpisodeId, expectedVersion = version, effectiveOn = Day(effectiveOn), plan,
                goalSummaries = goals.Select(g => new { goalId = g.GoalId, summary = g.Summary }).ToArray(),
            },
        })).Ok(), "issueProgressReport");

    public static async Task<long> MarkEnteredInError(this IAlbaHost host, Guid episodeId, long version, Guid entryId, string reason) =>
        VersionOf((await host.GraphQL("""
            mutation($input: MarkEnteredInErrorInput!) { markEnteredInError(input: $input) { version } }
            """, new { input = new { episodeId, expectedVersion = version, entryId, reason } })).Ok(), "markEnteredInError");

    public static async Task<long> Discharge(this IAlbaHost host, EpisodeSetup e, long version, DateOnly effectiveOn) =>
        VersionOf((await host.GraphQL(PlanOfCareApi.DischargeMutation, new
        {
            input = PlanOfCareApi.DischargeInput(e, version, effectiveOn, PlanOfCareApi.DischargeAssessmentInput(e)),
        })).Ok(), "dischargeEpisode");
}
