using JasperFx.CodeGeneration;
using Microsoft.Extensions.DependencyInjection;
using RehabLedger.Tests.Support;

namespace RehabLedger.Tests.Infrastructure.Operations;

/// <summary>
/// Command handlers are loaded as built from the code committed under Internal/Generated, so the first write after a
/// restart compiles nothing. After a change to a command, its handler or Wolverine's policies, regenerate it:
/// <c>dotnet run --project src/RehabLedger.Api -- codegen write</c>.
/// </summary>
public sealed class when_handlers_are_pre_generated(AppFixture fixture) : AppScenario(fixture)
{
    [Fact]
    public void every_command_handler_has_committed_generated_code()
    {
        foreach (var collection in Host.Services.GetServices<ICodeFileCollection>())
            collection.AssertPreBuildTypesExist(Host.Services);
    }
}
