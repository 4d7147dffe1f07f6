using System.Text.Json.Nodes;
using Alba;
using RehabLedger.Caseload;
using RehabLedger.Episodes;
using RehabLedger.PlanOfCare;
using RehabLedger.Tests.Support;

namespace RehabLedger.Tests.Demo;

/// <summary>A seeded episode as the episode GraphQL fields answer it: the facts the caseload flags are computed from.</summary>
public sealed record SeededEpisode(JsonNode Node)
{
    public const string Query = """
        query($id: ID!) {
          episode(id: $id) {
            id version status startedOn dischargedOn
            assessments { id kind effectiveOn }
            progressReports { id effectiveOn }
            certifications { id start end }
            certificationStatus { daysRemaining ending }
            goals { id description measureCode status }
            currentProgram { exercises(includeEnded: true) { id name status dosage { setting } lastChange { kind } } }
            sessions(first: 100) { totalCount edges { node { id date attendance painBefore adverseEvents { severity } exercises { exerciseId } } } }
            homeLogs(first: 100) { totalCount edges { node { id } } }
          }
        }
        """;

    public static async Task<SeededEpisode> Read(IAlbaHost host, Guid episodeId) =>
        new((await host.GraphQL(Query, new { id = episodeId })).Ok()["episode"]!);

    public Guid Id => Guid.Parse(Text(Node["id"]));
    public long Version => Node["version"]!.GetValue<long>();
    public bool Active => Text(Node["status"]) == "ACTIVE";
    public DateOnly StartedOn => Date(Node["startedOn"]);
    public DateOnly? DischargedOn => Node["dischargedOn"] is { } d ? Date(d) : null;

    public IReadOnlyList<JsonNode> Assessments => Items(Node["assessments"]);
    public IReadOnlyList<JsonNode> ProgressReports => Items(Node["progressReports"]);
    public IReadOnlyList<JsonNode> Certifications => Items(Node["certifications"]);
    public IReadOnlyList<JsonNode> Goals => Items(Node["goals"]);
    public IReadOnlyList<JsonNode> Exercises => Items(Node["currentProgram"]!["exercises"]);

    /// <summary>Oldest first, which is how the flag rules read them (the field answers newest first).</summary>
    public IReadOnlyList<JsonNode> Sessions => [.. Items(Node["sessions"]!["edges"]).Select(e => e["node"]!).Reverse()];

    public IReadOnlyList<JsonNode> Attended => [.. Sessions.Where(s => Text(s["attendance"]) == "ATTENDED")];
    public int HomeLogCount => Node["homeLogs"]!["totalCount"]!.GetValue<int>();

    /// <summary>Every id this episode's fields answer: the ids a README example may name.</summary>
    public IEnumerable<Guid> EntryIds =>
        new[] { Assessments, ProgressReports, Certifications, Goals, Exercises, Sessions }
            .SelectMany(list => list.Select(x => Guid.Parse(Text(x["id"]))))
            .Concat(Items(Node["homeLogs"]!["edges"]).Select(e => Guid.Parse(Text(e["node"]!["id"]))));

    /// <summary>The facts as the caseload row holds them; the GraphQL lists already leave out entries in error.</summary>
    public CaseloadRow ToCaseloadRow() => new()
    {
        Id = Id,
        StartedOn = StartedOn,
        Status = Active ? EpisodeStatus.Active : EpisodeStatus.Discharged,
        Sessions = [.. Sessions.Select(s => new SessionFact(Guid.Parse(Text(s["id"])), Date(s["date"]), Text(s["attendance"]) == "ATTENDED",
            s["painBefore"]?.GetValue<int>(), s["adverseEvents"]!.AsArray().Count > 0))],
        Assessments = [.. Assessments.Select(a => new DatedFact(Guid.Parse(Text(a["id"])), Date(a["effectiveOn"])))],
        ProgressReports = [.. ProgressReports.Select(r => new DatedFact(Guid.Parse(Text(r["id"])), Date(r["effectiveOn"])))],
        Certifications = [.. Certifications.Select(c => new Certification { Id = Guid.Parse(Text(c["id"])), Start = Date(c["start"]), End = Date(c["end"]) })],
    };

    public static DateOnly Date(JsonNode? node) => DateOnly.Parse(Text(node));

    public static string Text(JsonNode? node) => node!.GetValue<string>();

    private static IReadOnlyList<JsonNode> Items(JsonNode? list) => [.. list!.AsArray().Select(x => x!)];
}
