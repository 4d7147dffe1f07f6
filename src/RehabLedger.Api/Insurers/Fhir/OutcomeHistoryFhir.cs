using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Marten;
using RehabLedger.Common;
using RehabLedger.Access;
using RehabLedger.Security;
using Task = System.Threading.Tasks.Task;

namespace RehabLedger.Insurers.Fhir;

/// <summary>
/// The FHIR export of an outcome history: one JSON document, served at <c>GET /fhir/episodes/{id}/outcome-history</c>
/// and by the GraphQL field <c>outcomeHistoryFhir</c>, both through <see cref="Json"/>.
/// </summary>
public static class OutcomeHistoryFhir
{
    public const string MediaType = "application/fhir+json";
    public const string Route = "/fhir/episodes/{id}/outcome-history";

    /// <summary>What the access log names the route's reads: the method and the route template.</summary>
    public const string OperationName = "GET " + Route;

    // The SDK 6 serializer (System.Text.Json based); thread-safe and costly to build, so there is one.
    private static readonly FhirJsonSerializer Serializer = new();

    /// <summary>
    /// The Bundle as FHIR JSON, or null when no episode has that id, it names no payer, or <paramref name="may"/> says the
    /// caller may not read it (indistinguishable on purpose).
    /// </summary>
    public static async Task<string?> Json(IQuerySession session, Guid episodeId, TimeProvider clock, OutcomeHistoryPermit may, CancellationToken ct)
    {
        var sources = await OutcomeHistoryQuery.Sources(session, episodeId, withEvents: true, may, ct);
        if (sources is null) return null;
        var history = OutcomeHistoryBuilder.Of(sources.Episode, sources.Sessions, sources.Patient, clock.Today())!;
        return Serializer.SerializeToString(OutcomeHistoryBundle.Build(history, sources, clock.GetUtcNow()));
    }

    public static IEndpointRouteBuilder MapInsurerFhir(this IEndpointRouteBuilder app)
    {
        app.MapGet(Route, async (string id, HttpContext http, IQuerySession session, TimeProvider clock, CancellationToken ct) =>
            {
                var json = Guid.TryParse(id, out var episodeId)
                    ? await Json(session, episodeId, clock, OutcomeHistoryAccess.Permit(http.Access(), OperationName), ct)
                    : null;
                return json is null ? Refused(NoHistory(id)) : Results.Text(json, MediaType);
            })
            .WithAccessAccounting(Surfaces.Fhir, Unrecorded)
            .WithName("OutcomeHistoryFhir")
            .RequireAuthorization(Policies.ReadOutcomeHistories);
        return app;
    }

    /// <summary>The answer when the read could not be recorded: none of the record, and a 500 the client may retry.</summary>
    internal static IResult Unrecorded() => Results.Text(Serializer.SerializeToString(new OperationOutcome
    {
        Issue =
        [
            new OperationOutcome.IssueComponent
            {
                Severity = OperationOutcome.IssueSeverity.Error,
                Code = OperationOutcome.IssueType.Exception,
                Diagnostics = "The read could not be recorded in the access log, so it is not answered. Retry later.",
            },
        ],
    }), MediaType, statusCode: StatusCodes.Status500InternalServerError);

    /// <summary>A refusal as FHIR answers it: an OperationOutcome with the status that goes with its code.</summary>
    public static IResult Refused(ClinicalRuleViolation violation) =>
        Results.Text(Serializer.SerializeToString(RuleViolationOutcome.Of(violation)), MediaType,
            statusCode: RuleViolationOutcome.StatusCode(violation.Code));

    // Unknown, malformed, naming no payer or not the caller's to read: one answer, so ids cannot be probed.
    private static ClinicalRuleViolation NoHistory(string id) => new(ErrorCodes.NotFound,
        $"No episode with id {id} has an outcome history: the episode does not exist or names no payer.", "id");
}
