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
