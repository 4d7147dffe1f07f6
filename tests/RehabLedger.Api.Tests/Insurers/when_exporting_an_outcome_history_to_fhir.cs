using System.Text.Json.Nodes;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using RehabLedger.Tests.Support;
using Task = System.Threading.Tasks.Task;

namespace RehabLedger.Tests.Insurers;

public sealed class when_exporting_an_outcome_history_to_fhir(AppFixture fixture) : AppScenario(fixture)
{
    private static readonly FhirJsonDeserializer Parser = new();

    private static IEnumerable<string> References(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => p.Key == "reference" && p.Value is JsonValue v ? [v.GetValue<string>()] : References(p.Value)),
        JsonArray a => a.SelectMany(References),
        _ => [],
    };

    private static T[] All<T>(Bundle bundle) where T : Resource => bundle.Entry.Select(e => e.Resource).OfType<T>().ToArray();

    [Fact]
    public async Task the_bundle_parses_back_and_every_reference_resolves_inside_it()
    {
        var episode = await TreatedEpisode.Record(Host);

        var (status, contentType, json) = await Host.Get($"/fhir/episodes/{episode.Setup.EpisodeId}/outcome-history");

        status.ShouldBe(200);
        contentType.ShouldStartWith("application/fhir+json");
        var bundle = Parser.Deserialize<Bundle>(json);
        bundle.Type.ShouldBe(Bundle.BundleType.Collection);

        var fullUrls = bundle.Entry.Select(e => e.FullUrl).ToList();
        fullUrls.ShouldAllBe(u => u!.StartsWith("urn:uuid:"));
        fullUrls.Distinct().Count().ShouldBe(fullUrls.Count);
        var references = References(JsonNode.Parse(json)).ToList();
        references.ShouldNotBeEmpty();
        references.ShouldAllBe(r => fullUrls.Contains(r));
    }

    [Fact]
    public async Task each_resource_carries_what_was_recorded()
    {
        var episode = await TreatedEpisode.Record(Host);
        var json = (await Host.Get($"/fhir/episodes/{episode.Setup.EpisodeId}/outcome-history")).Body;
        var bundle = Parser.Deserialize<Bundle>(json);

        var patient = All<Patient>(bundle).Single();
        patient.BirthDate.ShouldBe("1961");
        patient.Name.ShouldBeEmpty();
        var member = patient.Identifier.Single();
        member.Value.ShouldBe("ACME-000123");
        member.System!.ShouldContain(InsurersApi.PayerId);
        var payer = All<Organization>(bundle).Single();
        payer.Name.ShouldBe(InsurersApi.PayerName);

        var coverage = All<Coverage>(bundle).Single();
        coverage.SubscriberId.ShouldBe("ACME-000123");

        var condition = All<Condition>(bundle).Single();
        condition.Code!.Coding.Single().System.ShouldBe("http://hl7.org/fhir/sid/icd-10-cm");
        condition.Code!.Coding.Single().Code.ShouldBe("M17.11");

        var plan = All<CarePlan>(bundle).Single();
        plan.Status.ShouldBe(RequestStatus.Completed);
        plan.Period!.Start.ShouldBe("2026-02-09");
        plan.Period!.End.ShouldBe("2026-03-16");
        plan.Goal.Count.ShouldBe(2);
        plan.Activity.Count.ShouldBe(1);
        plan.Extension.Select(x => ((Period)x.Value!).Start + ".." + ((Period)x.Value!).End).ShouldBe(["2026-02-09..2026-04-09"]);

        var goals = All<Goal>(bundle);
        var stairs = goals.Single(g => g.Description!.Text == "Climb one flight of stairs without a rail");
        stairs.LifecycleStatus.ShouldBe(Goal.GoalLifecycleStatus.Active);
        ((Quantity)stairs.Target.Single().Detail!).Value.ShouldBe(62m);
        stairs.Target.Single().Measure!.Coding.Select(c => c.Code).ShouldContain("LEFS");
        goals.Single(g => g.Description!.Text == "Walk 20 minutes without a rest").AchievementStatus!.Coding.Single().Code.ShouldBe("achieved");

        var exercise = All<ServiceRequest>(bundle).Single();
        exercise.Code!.Coding.Single().Code.ShouldBe("229065009");
        exercise.Code.Text.ShouldBe("Sit to stand");
        ((Timing)exercise.Occurrence!).Repeat!.Frequency.ShouldBe(3);

        var observations = All<Observation>(bundle);
        var pain = observations.Where(o => o.Code!.Coding.Any(c => c.System == "http://loinc.org" && c.Code == "72514-3")).ToArray();
        pain.Select(o => (((FhirDateTime)o.Effective!).Value, ((Quantity)o.Value!).Value))
            .ShouldBe([("2026-02-09", 7m), ("2026-03-02", 4m), ("2026-03-16", 2m)]);
        var lefs = observations.Where(o => o.Code!.Coding.Any(c => c.Code == "LEFS")).ToArray();
        lefs.Length.ShouldBe(3);
        lefs.ShouldAllBe(o => o.Code!.Coding.All(c => c.System != "http://loinc.org"));

        var encounters = All<Encounter>(bundle);
        encounters.Select(e => e.Period!.Start).ShouldBe(["2026-02-10", "2026-02-12", "2026-02-24"]);
        encounters.ShouldAllBe(e => e.Class!.Code == "AMB" && e.Status == Encounter.EncounterStatus.Finished);

        var provenance = All<Provenance>(bundle);
        provenance.ShouldNotBeEmpty();
        provenance.ShouldAllBe(p => p.Recorded != null && p.Agent.Single().Who!.Identifier!.Value == TestTokens.PlatformAdmin.Subject && p.Agent.Single().Who!.Display == null);
        var encounterUrls = bundle.Entry.Where(e => e.Resource is Encounter).Select(e => e.FullUrl).ToHashSet();
        provenance.Count(p => p.Target.Any(t => encounterUrls.Contains(t.Reference))).ShouldBe(3);
    }

    [Fact]
    public async Task the_graphql_field_answers_the_same_document()
    {
        var episode = await TreatedEpisode.Record(Host, discharge: false);

        var http = (await Host.Get($"/fhir/episodes/{episode.Setup.EpisodeId}/outcome-history")).Body;
        var field = (await GraphQL("query($id: ID!) { outcomeHistoryFhir(episodeId: $id) }", new { id = episode.Setup.EpisodeId }))
            .Ok()["outcomeHistoryFhir"]!.GetValue<string>();

        field.ShouldBe(http);
    }

    [Theory]
    [InlineData("7d1b3c9e-0000-4000-8000-000000000000")]
    [InlineData("not-an-id")]
    public async Task an_unknown_episode_is_a_404_operation_outcome(string id)
    {
        var (status, contentType, json) = await Host.Get($"/fhir/episodes/{id}/outcome-history");

        status.ShouldBe(404);
        contentType.ShouldStartWith("application/fhir+json");
        var outcome = Parser.Deserialize<OperationOutcome>(json);
        outcome.Issue.Single().Code.ShouldBe(OperationOutcome.IssueType.NotFound);
        outcome.Issue.Single().Severity.ShouldBe(OperationOutcome.IssueSeverity.Error);
    }
}
