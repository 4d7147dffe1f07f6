using System.Reflection;
using RehabLedger.Common;
using RehabLedger.GraphQL;
using RehabLedger.Infrastructure.Correlation;

namespace RehabLedger.Infrastructure;

/// <summary>
/// What the log says about commands: never their content. A command carries clinical free text (notes, reasons,
/// goals), and Wolverine logs a failed invocation at error level with the whole command in it. Its warnings and
/// errors for command types are therefore dropped, and the service writes its own lines instead: a refusal
/// (conflict, validation, forbidden, not found, closed episode) at Information with the command type, the code and
/// the correlation id; an unexpected failure at Error through <see cref="ErrorMapping"/>, with the exception only.
/// </summary>
public static class CommandLogging
{
    public const string Category = "RehabLedger.Commands";

    public static IServiceCollection AddCommandLogging(this IServiceCollection services)
    {
        // Wolverine's logger for a message is named after the message type; a rule per type outranks the
        // "Default" level of any configuration because it names a longer category.
        var commandTypes = typeof(IActorCommand).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsInterface: false } && typeof(IActorCommand).IsAssignableFrom(t));
        services.Configure<LoggerFilterOptions>(options =>
        {
            foreach (var type in commandTypes)
                options.Rules.Add(new LoggerFilterRule(null, CategoryOf(type), LogLevel.Information, (_, _, level) => level < LogLevel.Warning));
        });
        return services;
    }

    /// <summary>Logs a command that failed with <paramref name="exception"/> if that failure is a refusal; others are logged where they are mapped.</summary>
    public static void Refused(IServiceProvider services, IActorCommand command, Exception exception)
    {
        var error = ErrorMapping.ToExecutionError(exception, correlationId: null, out var unexpected);
        if (unexpected || error.Code == ErrorCodes.ServiceUnavailable) return;
        services.GetService<ILoggerFactory>()?.CreateLogger(Category).LogInformation(
            "Command {Command} refused with {Code} (correlation id {CorrelationId})",
            command.GetType().Name, error.Code, CorrelationIdMiddleware.Of(services.GetService<IHttpContextAccessor>()?.HttpContext));
    }

    // As Microsoft.Extensions.Logging names a logger created for a type: full name, nested types joined with '.'.
    private static string CategoryOf(Type type) => type.FullName!.Replace('+', '.');
}
