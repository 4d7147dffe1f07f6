using GraphQL;
using GraphQL.Execution;
using JasperFx;
using RehabLedger.Common;
using RehabLedger.Infrastructure.Correlation;
using RehabLedger.Infrastructure.Postgres;

namespace RehabLedger.GraphQL;

/// <summary>
/// Turns what a resolver throws into a GraphQL error with a stable <c>extensions.code</c>. Rule violations keep
/// their message and field; concurrency problems become CONFLICT; a database out of reach becomes SERVICE_UNAVAILABLE
/// (HTTP 503, one warning per outage); anything else is logged and answered with INTERNAL_ERROR and the correlation id,
/// never with internals.
/// </summary>
public static class ErrorMapping
{
    public const string FieldKey = "field";

    public static void Handle(UnhandledExceptionContext context)
    {
        // The execution options exist even when execution failed before its context was built.
        var services = context.Context?.RequestServices ?? context.ExecutionOptions.RequestServices;
        context.Exception = Report(context.OriginalException, services, "Unexpected error while executing a GraphQL request");
    }

    /// <summary>
    /// Maps <paramref name="exception"/> and accounts for it: an outage is reported to <see cref="DatabaseOutage"/>
    /// (which logs once per outage), an unexpected error is logged with <paramref name="unexpectedMessage"/>, and a
    /// refusal is not logged here at all (it is an answer, not a fault).
    /// </summary>
    public static ExecutionError Report(Exception exception, IServiceProvider? services, string unexpectedMessage)
    {
        var correlationId = CorrelationIdMiddleware.Of(services?.GetService<IHttpContextAccessor>()?.HttpContext);
        var error = ToExecutionError(exception, correlationId, out var unexpected);
        if (error.Code == ErrorCodes.ServiceUnavailable)
            services?.GetService<DatabaseOutage>()?.Failed(exception);
        else if (unexpected)
            services?.GetService<ILoggerFactory>()?.CreateLogger("RehabLedger.GraphQL").LogError(exception, unexpectedMessage);
        return error;
    }

    public static ExecutionError ToExecutionError(Exception exception, string? correlationId, out bool unexpected)
    {
        unexpected = false;
        // First: a wrapped driver failure can look like anything on the outside.
        if (DatabaseOutage.IsUnavailable(exception))
            return new ExecutionError(DatabaseOutage.Message) { Code = ErrorCodes.ServiceUnavailable };
        switch (Unwrap(exception))
        {
            case ClinicalRuleViolation violation:
                var error = new ExecutionError(violation.Message) { Code = violation.Code };
                if (violation.Field is not null) error.Data[FieldKey] = violation.Field;
                return error;
            case Security.AccessDenied denied:
                var forbidden = new ExecutionError(denied.Message) { Code = ErrorCodes.Forbidden };
                if (denied.Field is not null) forbidden.Data[FieldKey] = denied.Field;
                return forbidden;
            // Stale expected version, two writers racing, or a client-chosen id that already exists.
            case ConcurrencyException or Marten.Exceptions.ExistingStreamIdCollisionException
                or JasperFx.Events.ExistingStreamIdCollisionException:
                return new ExecutionError(
                    "The record changed since you read it (or the id is already taken): read it again and retry with its current version.")
                    { Code = ErrorCodes.Conflict };
            default:
                unexpected = true;
                return new ExecutionError(
                    $"An unexpected error occurred; it has been logged under correlation id {correlationId ?? "(none)"}.")
                    { Code = ErrorCodes.InternalError };
        }
    }

    private static Exception Unwrap(Exception exception) =>
        exception is AggregateException { InnerExceptions.Count: 1 } aggregate ? Unwrap(aggregate.InnerExceptions[0]) : exception;
}

/// <summary>Adds the offending input path of a rule violation as <c>extensions.field</c>.</summary>
public sealed class RehabLedgerErrorInfoProvider : ErrorInfoProvider
{
    public override ErrorInfo GetInfo(ExecutionError executionError)
    {
        var info = base.GetInfo(executionError);
        if (executionError.Data[ErrorMapping.FieldKey] is string field)
        {
            info.Extensions ??= new Dictionary<string, object?>();
            info.Extensions[ErrorMapping.FieldKey] = field;
        }
        return info;
    }
}
