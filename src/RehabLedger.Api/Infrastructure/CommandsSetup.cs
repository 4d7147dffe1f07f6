using Wolverine;

namespace RehabLedger.Infrastructure;

public static class CommandsSetup
{
    /// <summary>Wolverine runs every command: one transaction per command, events appended through Marten.</summary>
    public static WolverineOptions UseRehabLedgerCommands(this WolverineOptions options)
    {
        // Wolverine 6 generates handler code at run time only with this package's Roslyn compiler.
        options.UseRuntimeCompilation();
        options.Policies.AutoApplyTransactions();
        // The actor id travels as the envelope's user name into Marten's user-name metadata column.
        options.EnableRelayOfUserName = true;
        return options;
    }
}
