using System.Buffers.Binary;
using System.Security.Cryptography;

namespace RehabLedger.Verify;

/// <summary>Checks a head against the service's published ECDSA P-256 key (docs/05-auditing.md, "Signed tree heads").</summary>
public sealed class HeadSignature(string publicKeyPem)
{
    private readonly ECDsa _key = Import(publicKeyPem);

    public string KeyId { get; } = Convert.ToHexStringLower(SHA256.HashData(Import(publicKeyPem).ExportSubjectPublicKeyInfo()));

    private static ECDsa Import(string pem)
    {
        var key = ECDsa.Create();
        key.ImportFromPem(pem);
        return key;
    }

    public bool Verifies(Head head)
    {
        if (head.KeyId != KeyId) return false;
        byte[] root, signature;
        try
        {
            root = head.Root;
            signature = Convert.FromBase64String(head.Signature);
        }
        catch (FormatException)
        {
            return false;
        }
        if (root.Length != 32) return false;
        var signed = new byte[60];
        "RLH1"u8.CopyTo(signed);
        BinaryPrimitives.WriteInt64BigEndian(signed.AsSpan(4), head.TreeSize);
        BinaryPrimitives.WriteInt64BigEndian(signed.AsSpan(12), head.Timestamp.ToUnixTimeMilliseconds());
        BinaryPrimitives.WriteInt64BigEndian(signed.AsSpan(20), head.LastSequence);
        root.CopyTo(signed, 28);
        return _key.VerifyData(signed, signature, HashAlgorithmName.SHA256);
    }
}
