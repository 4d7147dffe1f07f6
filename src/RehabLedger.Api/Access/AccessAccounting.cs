using Microsoft.Extensions.DependencyInjection.Extensions;
using RehabLedger.Disclosures;

namespace RehabLedger.Access;

/// <summary>Begins the access and accounting of an operation; one for the service, used by every surface.</summary>
public sealed class AccessAccounting(IAccessRecordWriter writer, TimeProvider clock, ILogger<DisclosureLog> logger)
{
    public OperationAccess Begin(Operation operation) => new(operation, new DisclosureLog(operation, writer, clock, logger));
}

public static class AccessSetup
{
    /// <summary>The access layer every surface uses; registered with authentication, whose caller it starts from.</summary>
    public static IServiceCollection AddRehabLedgerAccess(this IServiceCollection services)
    {
        services.TryAddSingleton<IAccessRecordWriter, MartenAccessRecordWriter>();
        services.TryAddSingleton<AccessAccounting>();
        return services;
    }
}
