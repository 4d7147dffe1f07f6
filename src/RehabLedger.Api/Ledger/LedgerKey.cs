using System.Security.Cryptography;
using RehabLedger.Infrastructure;
using RehabLedger.Infrastructure.Postgres;

namespace RehabLedger.MerkleLog;

/// <summary>
/// Where the head-signing key comes from (configuration section <c>Ledger</c>): <c>Ledger:SigningKey</c>, an ECDSA
/// P-256 private key as PKCS#8 PEM or as base64 of its PKCS#8 DER. Outside Development and Testing it is required. In
/// Development a key is generated once and kept beside the data folder (<c>&lt;folder&gt;.ledger-key.pem</c>, mode
/// 600), so heads made before a restart still verify after it; in Testing each run has a key of its own.
/// </summary>
public static class LedgerKey
{
    public const string Section = "Ledger";
    public const string FileSuffix = ".ledger-key.pem";

    public static LedgerSigner Load(IConfiguration configuration, IHostEnvironment environment)
    {
        var configured = configuration[$"{Section}:SigningKey"];
        if (!string.IsNullOrWhiteSpace(configured)) return new LedgerSigner(Import(configured));
        if (environment.IsDevelopment())
        {
            var options = configuration.GetSection(EmbeddedPostgresOptions.SectionName).Get<EmbeddedPostgresOptions>() ?? new EmbeddedPostgresOptions();
            return new LedgerSigner(KeptIn(options.ResolveDataDirectory(PostgresBinaries.RunningAsRoot()) + FileSuffix));
        }
        if (environment.IsEnvironment("Testing")) return new LedgerSigner(ECDsa.Create(ECCurve.NamedCurves.nistP256));
        throw new InvalidConfigurationException(
            $"{Section}:SigningKey not configured. Set {Section}__SigningKey to an ECDSA P-256 private key (PKCS#8 PEM, or its DER in base64), " +
            "for example from 'openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256'. Heads signed with it prove the event log " +
            "to auditors; keep it as secret as the token key and never change it without publishing the new public key.");
    }

    /// <summary>The key in <paramref name="path"/>, created there (owner-only) when missing.</summary>
    public static ECDsa KeptIn(string path)
    {
        var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        if (File.Exists(path))
        {
            key.ImportFromPem(File.ReadAllText(path));
            return key;
        }
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using var file = OperatingSystem.IsWindows()
            ? new FileStream(path, FileMode.CreateNew)
            : new FileStream(path, new FileStreamOptions
            {
                Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
            });
        using var writer = new StreamWriter(file);
        writer.Write(key.ExportPkcs8PrivateKeyPem());
        return key;
    }

    private static ECDsa Import(string text)
    {
        var key = ECDsa.Create();
        try
        {
            if (text.Contains("-----BEGIN", StringComparison.Ordinal)) key.ImportFromPem(text);
            else key.ImportPkcs8PrivateKey(Convert.FromBase64String(text.Trim()), out _);
        }
        catch (Exception e) when (e is CryptographicException or FormatException or ArgumentException)
        {
            key.Dispose();
            throw new InvalidConfigurationException($"{Section}:SigningKey is neither a PKCS#8 PEM nor base64 PKCS#8 DER of an EC private key: {e.Message}");
        }
        if (key.KeySize != 256 || key.ExportParameters(false).Curve.Oid.Value != ECCurve.NamedCurves.nistP256.Oid.Value)
            throw new InvalidConfigurationException($"{Section}:SigningKey is not on the P-256 curve; the ledger signs with ECDSA P-256.");
        return key;
    }
}
