using System.Security.Cryptography;
using System.Text;

namespace RehabLedger.Insurers.Fhir;

/// <summary>
/// The fullUrl of every entry: a name-based UUID (RFC 4122 version 5) of the episode and the entry's key. The same
/// episode always exports the same urns, so two exports can be compared; and no urn is a RehabLedger id, so none
/// lets the payer learn internal identifiers (the patient's least of all).
/// </summary>
public sealed class BundleIds(Guid episodeId)
{
    private readonly byte[] _namespace = episodeId.ToByteArray(bigEndian: true);

    public string Urn(string resourceType, string key) => $"urn:uuid:{NameBased($"{resourceType}/{key}")}";

    private Guid NameBased(string name)
    {
        var hash = SHA1.HashData([.. _namespace, .. Encoding.UTF8.GetBytes(name)]);
        var bytes = hash[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50); // version 5
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC 4122 variant
        return new Guid(bytes, bigEndian: true);
    }
}
