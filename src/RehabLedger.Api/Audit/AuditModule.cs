using Marten;

namespace RehabLedger.Audit;

public static class AuditModule
{
    public static StoreOptions ConfigureAudit(this StoreOptions options)
    {
        // Marten's own (type, seq_id) index serves the eventTypes filter of the audit trail.
        options.Events.EnableEventTypeIndex = true;
        options.Storage.Add(new AuditIndexes(options));
        foreach (var (name, _) in AuditIndexes.All) options.Events.IgnoreIndex(name);
        return options;
    }
}
