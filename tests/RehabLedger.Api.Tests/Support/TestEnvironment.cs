using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace RehabLedger.Tests.Support;

/// <summary>A host environment of the given name, for settings that depend on it.</summary>
public sealed class TestEnvironment(string name) : IHostEnvironment
{
    public string EnvironmentName { get; set; } = name;
    public string ApplicationName { get; set; } = "RehabLedger.Api";
    public string ContentRootPath { get; set; } = AppContext.BaseDirectory;
    public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
}
