using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using RehabLedger.Common;
using RehabLedger.Insurers.Fhir;
using Task = System.Threading.Tasks.Task;

namespace RehabLedger.Infrastructure.Postgres;

/// <summary>
/// The routes outside GraphQL (the FHIR export) answer a database outage as GraphQL does: 503 with Retry-After and
/// a body that says so in the route's own format, never a 500 and never one error log per request.
/// </summary>
public sealed class DatabaseOutageMiddleware(RequestDelegate next)
{
    private static readonly FhirJsonSerializer Fhir = new();

    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (Exception e) when (DatabaseOutage.IsUnavailable(e) && !context.Response.HasStarted)
        {
            context.RequestServices.GetService<DatabaseOutage>()?.Failed(e);
            context.Response.Clear();
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.Headers.RetryAfter = DatabaseOutage.RetryAfterSeconds;
            if (context.Request.Path.StartsWithSegments("/fhir"))
            {
                context.Response.ContentType = OutcomeHistoryFhir.MediaType;
                await context.Response.WriteAsync(Fhir.SerializeToString(TransientOutcome()));
            }
            else
            {
                await context.Response.WriteAsJsonAsync(new
                {
                    errors = new[] { new { message = DatabaseOutage.Message, extensions = new { code = ErrorCodes.ServiceUnavailable } } },
                });
            }
        }
    }

    private static OperationOutcome TransientOutcome() => new()
    {
        Issue =
        [
            new OperationOutcome.IssueComponent
            {
                Severity = OperationOutcome.IssueSeverity.Error,
                Code = OperationOutcome.IssueType.Transient,
                Diagnostics = DatabaseOutage.Message,
                Details = new CodeableConcept { Text = ErrorCodes.ServiceUnavailable },
            },
        ],
    };
}
