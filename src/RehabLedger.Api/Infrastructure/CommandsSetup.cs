using RehabLedger.Common;
using Wolverine;

namespace RehabLedger.Infrastructure;

public static class CommandsSetup
{
    /// <summary>Wolverine runs every command: one transaction per command, events appended through Marten.</summary>
    public static WolverineOptions UseRehabLedgerCommands(this WolverineOptions options)
    {
        // Wolverine 6 generates handler code at run time only with this package's Roslyn compiler.
        options.UseRuntimeCompilation();
        // Handler code committed under Internal/Generated is loaded as built; a handler without it is generated on first use.
        options.CodeGeneration.TypeLoadMode = JasperFx.CodeGeneration.TypeLoadMode.Auto;
        options.Policies.AutoApplyTransactions();
        options.Policies.ForMessagesOfType<IActorCommand>().AddMiddleware(typeof(ActorMetadataMiddleware));
        options.Services.AddCommandLogging();
        return options;
    }
}
