using Alba;
using Marten.Events;
using RehabLedger.Tests.Support;

namespace RehabLedger.Tests.GraphQL;

/// <summary>Nested fields over a list are batched: the round trips of a query do not grow with its rows.</summary>
public sealed class BatchLoadingTests(AppFixture fixture) : AppScenario(fixture)
{
    private const string PatientWithEpisodes = """
        query($id: ID!) {
          patient(id: $id) {
            familyName
            episodes { id patient { familyName } clinic { name } therapist { displayName } currentProgram { programVersion } }
          }
        }
        """;

    [Fact]
    public async Task a_patient_with_six_episodes_costs_the_same_round_trips_as_one_with_one()
    {
        var clinicId = await Host.RegisterClinic();
        var therapistId = await Host.RegisterTherapist(clinicId);
        var few = await Host.RegisterPatient(clinicId, "Few");
        var many = await Host.RegisterPatient(clinicId, "Many");
        await OpenEpisodes(clinicId, therapistId, few, 1);
        await OpenEpisodes(clinicId, therapistId, many, 6);

        using var counter = new RoundTripCounter();
        var oneEpisode = await Measure(counter, few, expectedEpisodes: 1);
        var sixEpisodes = await Measure(counter, many, expectedEpisodes: 6);

        oneEpisode.ShouldBeGreaterThan(0);
        sixEpisodes.ShouldBe(oneEpisode);
    }

    private const string ClinicsWithTherapists = "{ clinics { name therapists { displayName } } }";

    [Fact]
    public async Task four_clinics_with_their_therapists_cost_the_same_round_trips_as_one()
    {
        var first = await Host.RegisterClinic("Alder");
        await Host.RegisterTherapist(first, "Ann Alder");
        using var counter = new RoundTripCounter();
        var oneClinic = await Count(counter, ClinicsWithTherapists, null, data => data["clinics"]!.AsArray().Count.ShouldBe(1));

        foreach (var name in new[] { "Birch", "Cedar", "Dogwood" })
        {
            var clinicId = await Host.RegisterClinic(name);
            await Host.RegisterTherapist(clinicId, $"{name} One");
            await Host.RegisterTherapist(clinicId, $"{name} Two");
        }
        var fourClinics = await Count(counter, ClinicsWithTherapists, null, data =>
        {
            var clinics = data["clinics"]!.AsArray();
            clinics.Count.ShouldBe(4);
            clinics.Select(c => c!["therapists"]!.AsArray().Count).ShouldBe([1, 2, 2, 2]);
            clinics[1]!["therapists"]!.AsArray().Select(t => t!["displayName"]!.GetValue<string>()).ShouldBe(["Birch One", "Birch Two"]);
        });

        oneClinic.ShouldBeGreaterThan(0);
        fourClinics.ShouldBe(oneClinic);
    }

    private const string CaseloadWithNestedLists = """
        query($clinicId: ID!, $first: Int) {
          caseload(clinicId: $clinicId, first: $first) {
            edges { node {
              patient { familyName episodes { startedOn timeline { eventType summary } } }
              therapist { displayName }
              episode { clinic { therapists { displayName } } }
            } }
          }
        }
        """;

    [Fact]
    public async Task a_caseload_page_of_five_with_each_patients_episodes_and_timelines_costs_the_same_round_trips_as_a_page_of_one()
    {
        var clinicId = await Host.RegisterClinic();
        var therapistId = await Host.RegisterTherapist(clinicId);
        foreach (var family in new[] { "Avery", "Baker", "Chen", "Diaz", "Evans" })
            await OpenEpisodes(clinicId, therapistId, await Host.RegisterPatient(clinicId, family), 2);
        await Host.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));

        using var counter = new RoundTripCounter();
        var pageOfOne = await Count(counter, CaseloadWithNestedLists, new { clinicId, first = 1 }, data => Rows(data).Count.ShouldBe(1));
        var pageOfFive = await Count(counter, CaseloadWithNestedLists, new { clinicId, first = 5 }, data =>
        {
            var rows = Rows(data);
            rows.Count.ShouldBe(5);
            foreach (var row in rows)
            {
                var episodes = row["patient"]!["episodes"]!.AsArray();
                episodes.Count.ShouldBe(2);
                // Each episode's own timeline: its opening line, not another episode's.
                episodes.ShouldAllBe(e => e!["timeline"]!.AsArray().Count == 1);
            }
        });

        pageOfOne.ShouldBeGreaterThan(0);
        pageOfFive.ShouldBe(pageOfOne);
    }

    private static List<System.Text.Json.Nodes.JsonNode> Rows(System.Text.Json.Nodes.JsonNode data) =>
        data["caseload"]!["edges"]!.AsArray().Select(e => e!["node"]!).ToList();

    private async Task<int> Count(RoundTripCounter counter, string query, object? variables, Action<System.Text.Json.Nodes.JsonNode> check)
    {
        var (traceId, traceparent) = RoundTripCounter.NewTrace();
        check((await GraphQL(query, variables, new Dictionary<string, string> { ["traceparent"] = traceparent })).Ok());
        return counter.For(traceId);
    }

    private async Task OpenEpisodes(Guid clinicId, Guid therapistId, Guid patientId, int count)
    {
        for (var i = 0; i < count; i++)
            (await GraphQL(ClinicalApi.OpenEpisodeMutation,
                new { input = ClinicalApi.OpenEpisodeInput(clinicId, therapistId, patientId, Today.AddDays(-i)) })).Ok();
    }

    private async Task<int> Measure(RoundTripCounter counter, Guid patientId, int expectedEpisodes)
    {
        var (traceId, traceparent) = RoundTripCounter.NewTrace();
        var data = (await GraphQL(PatientWithEpisodes, new { id = patientId }, new Dictionary<string, string> { ["traceparent"] = traceparent })).Ok();
        data["patient"]!["episodes"]!.AsArray().Count.ShouldBe(expectedEpisodes);
        return counter.For(traceId);
    }
}
