using System.Security.Cryptography;

namespace RehabLedger.MerkleLog;

/// <summary>
/// Signs tree heads with the service's ECDSA P-256 key (SHA-256, the signature as r || s, 64 bytes: IEEE P1363, what
/// .NET writes by default). The public key is published as its SubjectPublicKeyInfo; its id is the SHA-256 of those
/// bytes in lowercase hex, so a head names the key that signed it.
/// </summary>
public sealed class LedgerSigner : IDisposable
{
    private readonly ECDsa _key;

    public LedgerSigner(ECDsa key)
    {
        if (key.KeySize != 256 || key.ExportParameters(false).Curve.Oid.Value != ECCurve.NamedCurves.nistP256.Oid.Value)
            throw new ArgumentException("The ledger signs with ECDSA on the P-256 curve.", nameof(key));
        _key = key;
        PublicKey = key.ExportSubjectPublicKeyInfo();
        KeyId = Convert.ToHexStringLower(SHA256.HashData(PublicKey));
    }

    public const string Algorithm = "ECDSA_P256_SHA256";

    /// <summary>SubjectPublicKeyInfo, DER.</summary>
    public byte[] PublicKey { get; }

    public string KeyId { get; }

    public string PublicKeyPem => PemEncoding.WriteString("PUBLIC KEY", PublicKey);

    public SignedTreeHead Sign(long treeSize, byte[] root, long lastSequence, DateTimeOffset now)
    {
        // The head keeps the instant it signs: milliseconds.
        var timestamp = DateTimeOffset.FromUnixTimeMilliseconds(now.ToUnixTimeMilliseconds());
        var signature = _key.SignData(SignedTreeHead.SignedBytes(treeSize, timestamp.ToUnixTimeMilliseconds(), lastSequence, root),
            HashAlgorithmName.SHA256);
        return new SignedTreeHead(treeSize, root, lastSequence, timestamp, KeyId, signature);
    }

    /// <summary>Whether this service's key signed exactly this head.</summary>
    public bool Signed(SignedTreeHead head) =>
        head.KeyId == KeyId && head.RootHash.Length == MerkleTree.HashSize &&
        _key.VerifyData(head.SignedBytes(), head.Signature, HashAlgorithmName.SHA256);

    public void Dispose() => _key.Dispose();
}
