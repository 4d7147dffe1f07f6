using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using JasperFx.Events;
using Marten;
using RehabLedger.Disclosures;
using RehabLedger.Infrastructure.Correlation;
using RehabLedger.Insurers.Fhir;
using RehabLedger.Security;
using RehabLedger.Tests.Support;

namespace RehabLedger.Tests.Access;

/// <summary>
/// The same read of an outcome history through GraphQL (<c>outcomeHistoryFhir</c>) and through the FHIR route is decided
/// and accounted by the same access layer: the same answer, the same outcome, subject, actor, payer and reason on
/// record, each under the correlation id of its own operation, for an episode granted, one out of reach and an unknown id,
/// whether an insurer or a therapist reads.
/// </summary>
public sealed class when_one_read_comes_through_two_surfaces(AppFixture fixture) : AppScenario(fixture)
{
    private SecurityWorld _world = null!;
    private TokenClaims _reader = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _world = await SecurityWorld.Seed(Host, Today);
    }

    /// <summary>What one surface answered and accounted for.</summary>
    private sealed record Served(string? Bundle, string CorrelationId, DisclosureRecorded Record, IEvent Event);

    public static TheoryData<Who, string> Reads() => new()
    {
        { Who.Insurer, "granted" }, { Who.Insurer, "another clinic's, without consent" }, { Who.Insurer, "unknown" },
        { Who.Therapist, "granted" }, { Who.Therapist, "another clinic's, without consent" }, { Who.Therapist, "unknown" },
    };

    [Theory]
    [MemberData(nameof(Reads))]
    public async Task both_surfaces_decide_and_account_alike(Who reader, string which)
    {
        _reader = _world.Claims(reader);
        var episodeId = which switch
        {
            "granted" => _world.A.EpisodeId,
            "unknown" => Guid.NewGuid(),
            _ => _world.B.EpisodeId,
        };

        var graphQL = await ThroughGraphQL(episodeId);
        var fhir = await ThroughFhir(episodeId);

        graphQL.Bundle.ShouldBe(fhir.Bundle);
        (graphQL.Bundle is not null).ShouldBe(which == "granted");
        graphQL.Record.Operation.ShouldBe("Query.outcomeHistoryFhir");
        fhir.Record.Operation.ShouldBe(OutcomeHistoryFhir.OperationName);
        Decision(graphQL.Record).ShouldBe(Decision(fhir.Record), "the same decision and the same record, but for the surface's name for the operation");
        graphQL.Record.Outcome.ShouldBe(which == "granted" ? DisclosureOutcome.Granted : DisclosureOutcome.Denied);
        foreach (var served in new[] { graphQL, fhir })
        {
            served.Event.CorrelationId.ShouldBe(served.CorrelationId, "the record carries the correlation id of the operation that read");
            (served.Record.By.Id, served.Record.By.Role, served.Record.Payer).ShouldBe((_reader.Subject, _reader.Role, _reader.Payer));
        }
        graphQL.CorrelationId.ShouldNotBe(fhir.CorrelationId);
        if (which != "granted") graphQL.Record.RequestedId.ShouldBe(episodeId);
    }

    private static string Decision(DisclosureRecorded r) =>
        $"{r.Outcome} by {r.By} of [{string.Join(",", r.ActorClinics)}] for {r.Payer}: requested {r.RequestedId}, clinic {r.ClinicId}, " +
        $"patient {r.PatientId}, episode {r.EpisodeId}, because {r.Reason}, at {r.At:O}";

    private async Task<Served> ThroughGraphQL(Guid episodeId)
    {
        var body = JsonSerializer.Serialize(new { query = $$"""{ outcomeHistoryFhir(episodeId: "{{episodeId}}") }""" });
        var result = await Host.Scenario(s =>
        {
            s.Post.Url("/graphql");
            s.ConfigureHttpContext(c =>
            {
                c.Request.ContentType = "application/json";
                c.Request.Headers.Accept = "application/graphql-response+json";
                var bytes = Encoding.UTF8.GetBytes(body);
                c.Request.Body = new MemoryStream(bytes);
                c.Request.ContentLength = bytes.Length;
            });
            s.WithRequestHeader("Authorization", "Bearer " + Host.Token(_reader));
        });
        var data = JsonNode.Parse(await result.ReadAsTextAsync())!["data"]!["outcomeHistoryFhir"];
        return await Accounted(data?.GetValue<string>(), result.Context.Response.Headers[CorrelationIdMiddleware.Header].ToString());
    }

    private async Task<Served> ThroughFhir(Guid episodeId)
    {
        var result = await Host.Scenario(s =>
        {
            s.Get.Url($"/fhir/episodes/{episodeId}/outcome-history");
            s.WithRequestHeader("Authorization", "Bearer " + Host.Token(_reader));
            s.IgnoreStatusCode();
        });
        var response = result.Context.Response;
        var bundle = response.StatusCode == 200 ? await result.ReadAsTextAsync() : null;
        return await Accounted(bundle, response.Headers[CorrelationIdMiddleware.Header].ToString());
    }

    /// <summary>The one access record the operation with this correlation id left.</summary>
    private async Task<Served> Accounted(string? bundle, string correlationId)
    {
        correlationId.ShouldNotBeNullOrEmpty();
        await using var session = Fixture.Store.QuerySession();
        var records = (await session.Events.QueryAllRawEvents().Where(e => e.EventTypeName == "disclosure_recorded").ToListAsync())
            .Where(e => e.CorrelationId == correlationId).ToList();
        records.Count.ShouldBe(1, "one operation, one read, one record");
        return new Served(bundle, correlationId, (DisclosureRecorded)records[0].Data, records[0]);
    }
}
