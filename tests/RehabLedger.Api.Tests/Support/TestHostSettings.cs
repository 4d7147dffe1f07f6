using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;

namespace RehabLedger.Tests.Support;

/// <summary>What every test host of the whole service is given, and how its embedded data folder is removed.</summary>
public static class TestHostSettings
{
    /// <summary>Testing, no demo data, a signing key of this run only, and Wolverine on this node without transports.</summary>
    public static void Apply(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Demo:Seed", "false");
        // Tests mint their tokens with the host's own TokenIssuer.
        builder.UseSetting("Auth:Issuer", TestTokens.Issuer);
        builder.UseSetting("Auth:Audience", TestTokens.Audience);
        builder.UseSetting("Auth:SigningKey", Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        builder.ConfigureServices(services =>
        {
            services.RunWolverineInSoloMode();
            services.DisableAllExternalWolverineTransports();
        });
    }

    /// <summary>Removes an embedded server's data folder and its credentials file, once the host has stopped it.</summary>
    public static void DeleteDataFolder(string dataDirectory)
    {
        try
        {
            if (Directory.Exists(dataDirectory)) Directory.Delete(dataDirectory, recursive: true);
            File.Delete(dataDirectory + ".credentials");
        }
        catch (IOException)
        {
            // A postgres-owned file still closing: the temp folder is cleaned by the OS.
        }
    }
}
