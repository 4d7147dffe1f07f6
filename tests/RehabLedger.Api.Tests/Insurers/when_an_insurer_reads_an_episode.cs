using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using RehabLedger.Tests.Support;
using static RehabLedger.Tests.Support.InsurersApi;

namespace RehabLedger.Tests.Insurers;

/// <summary>
/// Minimum necessary: whatever an insurer selects, the answer holds no note, finding, narrative, summary, plan,
/// reason, name, record number, full birth date or internal patient id. The selections are generated from the
/// running schema, so a field added later is searched too.
/// </summary>
public sealed class when_an_insurer_reads_an_episode(AppFixture fixture) : AppScenario(fixture)
{
    private ISchema Schema => Host.Services.GetRequiredService<ISchema>();

    /// <summary>Every field reachable from a type, recursively, as a selection set.</summary>
    private string EverythingOf(string typeName)
    {
        var type = (IComplexGraphType)Schema.AllTypes[typeName]!;
        var fields = type.Fields.Select(f =>
        {
            var inner = f.ResolvedType!.GetNamedType();
            return inner is IComplexGraphType ? $"{f.Name} {{ {EverythingOf(inner.Name)} }}" : f.Name;
        });
        return string.Join(" ", fields);
    }

    private HashSet<string> ReachableFrom(string typeName, HashSet<string>? seen = null)
    {
        seen ??= [];
        if (!seen.Add(typeName)) return seen;
        if (Schema.AllTypes[typeName] is IComplexGraphType complex)
            foreach (var field in complex.Fields) ReachableFrom(field.ResolvedType!.GetNamedType().Name, seen);
        return seen;
    }

    [Fact]
    public async Task no_note_name_or_identifier_appears_in_any_insurer_answer()
    {
        var episode = await TreatedEpisode.Record(Host);
        var id = episode.Setup.EpisodeId;

        var one = await GraphQL($"query($id: ID!) {{ outcomeHistory(episodeId: $id) {{ {EverythingOf("OutcomeHistory")} }} }}", new { id });
        var page = await GraphQL($$"""
            query($payerId: String!) {
              outcomeHistories(payerId: $payerId, from: "2026-01-01", to: "2026-12-31") {
                totalCount pageInfo { hasNextPage endCursor } edges { cursor node { {{EverythingOf("OutcomeHistory")}} } }
              }
            }
            """, new { payerId = PayerId });
        var fhir = await GraphQL("query($id: ID!) { outcomeHistoryFhir(episodeId: $id) }", new { id });
        var http = await Host.Get($"/fhir/episodes/{id}/outcome-history");

        one.Ok()["outcomeHistory"]!["goals"]!.AsArray().Count.ShouldBe(2);
        page.Ok()["outcomeHistories"]!["totalCount"]!.GetValue<int>().ShouldBe(1);
        fhir.Ok()["outcomeHistoryFhir"]!.GetValue<string>().ShouldContain("\"Bundle\"");
        http.Status.ShouldBe(200);

        episode.ShouldDiscloseNothingForbiddenIn(one.Body.ToJsonString(), "outcomeHistory");
        episode.ShouldDiscloseNothingForbiddenIn(page.Body.ToJsonString(), "outcomeHistories");
        episode.ShouldDiscloseNothingForbiddenIn(fhir.Body.ToJsonString(), "outcomeHistoryFhir");
        episode.ShouldDiscloseNothingForbiddenIn(http.Body, "GET /fhir/episodes/{id}/outcome-history");
    }

    [Fact]
    public async Task the_clinical_view_of_the_same_episode_does_hold_what_the_insurer_view_leaves_out()
    {
        var episode = await TreatedEpisode.Record(Host);

        var clinical = await GraphQL("""
            query($id: ID!) {
              episode(id: $id) { dischargeReason referralSource patient { familyName medicalRecordNumber } assessments { findings assessorName } }
            }
            """, new { id = episode.Setup.EpisodeId });

        // The markers are really in the record: their absence from the insurer answers is the design, not an accident.
        var text = clinical.Ok().ToJsonString();
        text.ShouldContain("DISCHARGE-REASON-MARKER");
        text.ShouldContain("FINDINGS-MARKER-INITIAL");
        text.ShouldContain(TreatedEpisode.Mrn);
        text.ShouldContain(TreatedEpisode.Family);
    }

    [Fact]
    public void the_insurer_types_lead_to_no_clinical_type()
    {
        var reachable = ReachableFrom("OutcomeHistory");

        string[] clinical = ["Episode", "Patient", "Clinic", "Therapist", "Assessment", "Session", "HomeLog", "Goal", "ProgressReport", "Actor", "Certification"];
        reachable.Intersect(clinical).ShouldBeEmpty();
        reachable.Where(t => Schema.AllTypes[t] is IObjectGraphType).Order().ShouldBe(
        [
            "CertifiedPeriod", "InsuredMember", "OutcomeHistory", "OutcomeHistoryAdherenceWeek", "OutcomeHistoryAttendance",
            "OutcomeHistoryCondition", "OutcomeHistoryDischarge", "OutcomeHistoryGoal", "OutcomeHistoryMeasure", "OutcomeHistoryMeasureValue",
            "OutcomeHistoryMuscleTest", "OutcomeHistoryPayer", "OutcomeHistoryPoint", "OutcomeHistoryRangeOfMotion",
        ]);
    }
}
