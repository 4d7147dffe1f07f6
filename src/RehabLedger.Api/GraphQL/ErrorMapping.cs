using GraphQL;
using GraphQL.Execution;
using JasperFx;
using RehabLedger.Common;
using RehabLedger.Infrastructure.Correlation;
using RehabLedger.Infrastructure.Postgres;

namespace RehabLedger.GraphQL;

/// <summary>
/// Turns what a resolver throws into a GraphQL error with a stable <c>extensions.code</c>. Rule violations keep
/// their message and field, the field mapped from the command's path to the request's (<see cref="GraphQLField"/>);
/// concurrency problems become CONFLICT; a database out of reach becomes SERVICE_UNAVAILABLE (HTTP 503, one warning per outage); anything else is logged and answered with INTERNAL_ERROR and the correlation id,
/// never with internals.
/// </summary>
public static class ErrorMapping
{
    public const string FieldKey = "field";

    /// <summary>The argument every mutation takes its command from; domain paths are relative to it.</summary>
    public const string CommandArgument = "input";

    public static void Handle(UnhandledExceptionContext context)
    {
        // The execution options exist even when execution failed before its context was built.
        var services = context.Context?.RequestServices ?? context.ExecutionOptions.RequestServices;
        context.Exception = Report(context.OriginalException, services, "Unexpected error while executing a GraphQL request",
            CommandRootOf(context.FieldContext));
    }

    /// <summary>
    /// Where a domain path sits in this field's arguments: under <c>input</c> for a field that takes its command from
    /// one (every mutation), at the top for any other field, whose rules name its own arguments (<c>episodeId</c>).
    /// </summary>
    public static string? CommandRootOf(IResolveFieldContext? field) =>
        field?.FieldDefinition.Arguments?.Find(CommandArgument) is not null ? CommandArgument : null;

    /// <summary>A domain rule's path (<see cref="FieldPath"/>) as GraphQL names it: <c>measures[0].value</c> becomes <c>input.measures[0].value</c>.</summary>
    public static string? GraphQLField(string? domainField, string? commandRoot) =>
        domainField is null || commandRoot is null ? domainField : FieldPath.Under(commandRoot, domainField);

    /// <summary>
    /// Maps <paramref name="exception"/> and accounts for it: an outage is reported to <see cref="DatabaseOutage"/>
    /// (which logs once per outage), an unexpected error is logged with <paramref name="unexpectedMessage"/>, and a
    /// refusal is not logged here at all (it is an answer, not a fault).
    /// </summary>
    public static ExecutionError Report(Exception exception, IServiceProvider? services, string unexpectedMessage, string? commandRoot = null)
    {
        var correlationId = CorrelationIdMiddleware.Of(services?.GetService<IHttpContextAccessor>()?.HttpContext);
        var error = ToExecutionError(exception, correlationId, out var unexpected, commandRoot);
        if (error.Code == ErrorCodes.ServiceUnavailable)
            services?.GetService<DatabaseOutage>()?.Failed(exception);
        else if (unexpected)
            services?.GetService<ILoggerFactory>()?.CreateLogger("RehabLedger.GraphQL").LogError(exception, unexpectedMessage);
        return error;
    }

    /// <param name="commandRoot">Where a rule violation's command sits in the request (<see cref="CommandRootOf"/>).</param>
    public static ExecutionError ToExecutionError(Exception exception, string? correlationId, out bool unexpected, string? commandRoot = null)
    {
        unexpected = false;
        // First: a wrapped driver failure can look like anything on the outside.
        if (DatabaseOutage.IsUnavailable(exception))
            return new ExecutionError(DatabaseOutage.Message) { Code = ErrorCodes.ServiceUnavailable };
        switch (Unwrap(exception))
        {
            case ClinicalRuleViolation violation:
                var field = GraphQLField(violation.Field, commandRoot);
                var error = new ExecutionError(violation.MessageNaming(field)) { Code = violation.Code };
                if (field is not null) error.Data[FieldKey] = field;
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
