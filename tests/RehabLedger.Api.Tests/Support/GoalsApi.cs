using System.Text.Json.Nodes;
using Alba;

namespace RehabLedger.Tests.Support;

/// <summary>Goals and progress reports through the public GraphQL API, as a client would write and read them.</summary>
public static class GoalsApi
{
    public const string GoalSelection = """
        id description measureCode baseline baselineAssessmentId target targetDate effectiveOn
        status statusSince latest met attainmentPercent
        revisions { effectiveOn reason changes { field from to } by { id role displayName } }
        statusHistory { status note effectiveOn }
        """;

    public const string SetGoalMutation = $$"""
        mutation($input: SetGoalInput!) { setGoal(input: $input) { version episode { version goals { {{GoalSelection}} } } } }
        """;

    public const string ReviseGoalMutation = $$"""
        mutation($input: ReviseGoalInput!) { reviseGoal(input: $input) { version episode { goals { {{GoalSelection}} } } } }
        """;

    public const string SetGoalStatusMutation = $$"""
        mutation($input: SetGoalStatusInput!) { setGoalStatus(input: $input) { version episode { goals { {{GoalSelection}} } } } }
        """;

    public const string IssueProgressReportMutation = """
        mutation($input: IssueProgressReportInput!) {
          issueProgressReport(input: $input) {
            version
            episode { assessments { id } goals { id status } progressReports { id effectiveOn goalSummaries { goalId summary } plan by { id } } }
          }
        }
        """;

    public static Dictionary<string, object?> GoalInput(EpisodeSetup e, long expectedVersion, DateOnly effectiveOn,
        string description = "Climb one flight of stairs without a rail", string? measureCode = null, decimal? baseline = null,
        decimal? target = null, DateOnly? targetDate = null, Guid? id = null) => new()
    {
        ["episodeId"] = e.EpisodeId,
        ["expectedVersion"] = expectedVersion,
        ["id"] = id,
        ["description"] = description,
        ["measureCode"] = measureCode,
        ["baseline"] = baseline,
        ["target"] = target,
        ["targetDate"] = targetDate?.ToString("yyyy-MM-dd"),
        ["effectiveOn"] = effectiveOn.ToString("yyyy-MM-dd"),
    };

    /// <summary>Sets a goal and returns its id (the last goal set, by effective date, is not necessarily last in the list).</summary>
    public static async Task<(Guid GoalId, long Version)> SetGoal(this IAlbaHost host, Dictionary<string, object?> input)
    {
        var id = input["id"] as Guid? ?? Guid.NewGuid();
        input["id"] = id;
        var payload = (await host.GraphQL(SetGoalMutation, new { input })).Ok()["setGoal"]!;
        return (id, payload["version"]!.GetValue<long>());
    }

    public static async Task<long> SetGoalStatus(this IAlbaHost host, EpisodeSetup e, long expectedVersion, Guid goalId, string status, DateOnly effectiveOn)
    {
        var payload = (await host.GraphQL(SetGoalStatusMutation, new
        {
            input = new { episodeId = e.EpisodeId, expectedVersion, goalId, status, effectiveOn = effectiveOn.ToString("yyyy-MM-dd") },
        })).Ok()["setGoalStatus"]!;
        return payload["version"]!.GetValue<long>();
    }

    /// <summary>Records an assessment of the given measures and returns the assessment's id and the new version.</summary>
    public static async Task<(Guid AssessmentId, long Version)> Assess(this IAlbaHost host, EpisodeSetup e, long expectedVersion,
        DateOnly effectiveOn, string kind, params object[] measures)
    {
        var payload = (await host.GraphQL(ClinicalApi.RecordAssessmentMutation,
            new { input = ClinicalApi.AssessmentInput(e, expectedVersion, effectiveOn, kind, measures) })).Ok()["recordAssessment"]!;
        var assessment = payload["episode"]!["assessments"]!.AsArray().Single(a => a!["effectiveOn"]!.GetValue<string>() == effectiveOn.ToString("yyyy-MM-dd"))!;
        return (ClinicalApi.IdOf(assessment), payload["version"]!.GetValue<long>());
    }

    public static JsonNode Goal(JsonNode episode, Guid goalId) =>
        episode["goals"]!.AsArray().Single(g => ClinicalApi.IdOf(g!) == goalId)!;
}
