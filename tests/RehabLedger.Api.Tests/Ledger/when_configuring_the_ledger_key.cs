using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;
using RehabLedger.Infrastructure;
using RehabLedger.MerkleLog;
using RehabLedger.Tests.Support;

namespace RehabLedger.Tests.MerkleLog;

public sealed class when_configuring_the_ledger_key
{
    private static LedgerSigner Load(string environment, Dictionary<string, string?> settings) =>
        LedgerKey.Load(new ConfigurationBuilder().AddInMemoryCollection(settings).Build(), new TestEnvironment(environment));

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    public void outside_development_and_testing_a_missing_key_stops_the_service_naming_the_setting(string environment) =>
        Should.Throw<InvalidConfigurationException>(() => Load(environment, []))
            .Message.ShouldStartWith("Ledger:SigningKey not configured. Set Ledger__SigningKey");

    [Fact]
    public void a_configured_key_is_used_as_pem_or_as_base64_der_and_a_key_on_another_curve_is_refused()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var expected = Convert.ToHexStringLower(SHA256.HashData(key.ExportSubjectPublicKeyInfo()));
        Load("Production", new() { ["Ledger:SigningKey"] = key.ExportPkcs8PrivateKeyPem() }).KeyId.ShouldBe(expected);
        Load("Production", new() { ["Ledger:SigningKey"] = Convert.ToBase64String(key.ExportPkcs8PrivateKey()) }).KeyId.ShouldBe(expected);

        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        Should.Throw<InvalidConfigurationException>(() => Load("Production", new() { ["Ledger:SigningKey"] = other.ExportPkcs8PrivateKeyPem() }))
            .Message.ShouldContain("P-256");
        Should.Throw<InvalidConfigurationException>(() => Load("Production", new() { ["Ledger:SigningKey"] = "not a key" }));
    }

    [Fact]
    public void development_generates_a_key_once_beside_the_data_folder_owner_only_and_keeps_it_across_restarts()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"rehabledger-ledger-key-{Guid.NewGuid():N}", "postgres");
        try
        {
            var settings = new Dictionary<string, string?> { ["EmbeddedPostgres:DataDirectory"] = folder };
            var first = Load("Development", settings);
            var file = folder + LedgerKey.FileSuffix;
            File.Exists(file).ShouldBeTrue();
            if (!OperatingSystem.IsWindows()) File.GetUnixFileMode(file).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
            var head = first.Sign(3, new byte[32], 7, DateTimeOffset.UtcNow);

            var restarted = Load("Development", settings);
            restarted.KeyId.ShouldBe(first.KeyId);
            restarted.Signed(head).ShouldBeTrue();
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(folder)!, recursive: true);
        }
    }
}
