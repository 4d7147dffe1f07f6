using GraphQL.Types;
using RehabLedger.GraphQL.Cost;

namespace RehabLedger.MerkleLog;

public sealed class SignedTreeHeadType : ObjectGraphType<SignedTreeHead>
{
    public SignedTreeHeadType()
    {
        Name = "SignedTreeHead";
        Description = "The log at one moment, signed by the service. Keep heads outside the service: every later answer must agree with them.";
        Field(x => x.TreeSize).Description("How many events the log held.");
        Field<NonNullGraphType<StringGraphType>>("rootHash").Description("The RFC 9162 root hash of those events, lowercase hex.")
            .Resolve(c => Convert.ToHexStringLower(c.Source.RootHash));
        Field(x => x.LastSequence).Description("The sequence of the last event the head covers.");
        Field(x => x.Timestamp).Description("When the head was signed (milliseconds).");
        Field(x => x.KeyId).Description("The SHA-256 of the signing key's SubjectPublicKeyInfo, lowercase hex.");
        Field<NonNullGraphType<StringGraphType>>("signature").Description("ECDSA P-256 over SHA-256 of the signed bytes (docs/05-auditing.md), r || s in base64.")
            .Resolve(c => Convert.ToBase64String(c.Source.Signature));
    }
}

public sealed class LedgerPublicKeyType : ObjectGraphType<LedgerSigner>
{
    public LedgerPublicKeyType()
    {
        Name = "LedgerPublicKey";
        Description = "The key tree heads are signed with. Also served, as PEM, at /.well-known/rehabledger-ledger-key.pem.";
        Field<NonNullGraphType<StringGraphType>>("algorithm").Resolve(_ => LedgerSigner.Algorithm);
        Field(x => x.KeyId).Description("The SHA-256 of the SubjectPublicKeyInfo, lowercase hex: heads name their key by it.");
        Field<NonNullGraphType<StringGraphType>>("pem").Description("The SubjectPublicKeyInfo as PEM.").Resolve(c => c.Source.PublicKeyPem);
    }
}

public sealed class InclusionProofType : ObjectGraphType<InclusionAnswer>
{
    public InclusionProofType()
    {
        Name = "InclusionProof";
        Description = "RFC 9162 inclusion proof: the event's leaf, and the hashes that lead from it to the head's root.";
        Field(x => x.LeafIndex).Description("The event's position in the log, from 0.");
        Field(x => x.TreeSize);
        Field(x => x.Sequence).Description("The event's sequence.");
        Field<NonNullGraphType<StringGraphType>>("leafHash").Resolve(c => Convert.ToHexStringLower(c.Source.LeafHash));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("path").Description("Lowercase hex, from the leaf up.")
            .Costs(FieldCost.InMemory)
            .Resolve(c => c.Source.Path.Select(Convert.ToHexStringLower));
        Field<NonNullGraphType<SignedTreeHeadType>>("head").Resolve(c => c.Source.Head);
    }
}

public sealed class ConsistencyProofType : ObjectGraphType<ConsistencyAnswer>
{
    public ConsistencyProofType()
    {
        Name = "ConsistencyProof";
        Description = "RFC 9162 consistency proof: the hashes that show the later head's log begins with the earlier head's.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("path").Description("Lowercase hex.")
            .Costs(FieldCost.InMemory)
            .Resolve(c => c.Source.Path.Select(Convert.ToHexStringLower));
        Field<NonNullGraphType<SignedTreeHeadType>>("from").Resolve(c => c.Source.From);
        Field<NonNullGraphType<SignedTreeHeadType>>("to").Resolve(c => c.Source.To);
    }
}

public sealed class LedgerVerificationType : ObjectGraphType<VerificationReport>
{
    public LedgerVerificationType()
    {
        Name = "LedgerVerification";
        Description = "Whether the stored events of a range still match the log, and if not, where they first part.";
        Field(x => x.FromSequence);
        Field(x => x.ToSequence);
        Field(x => x.Ok);
        Field(x => x.CheckedEvents).Description("Events recomputed and compared with their leaves.");
        Field(x => x.CheckedHeads).Description("Stored heads ending in the range, checked against the key and the log's nodes.");
        Field(x => x.FirstBadSequence, nullable: true).Description("The first sequence where the record and the log part; null when they agree.");
        Field(x => x.Problem).Description("NONE, EVENT_ALTERED, EVENT_MISSING, EVENT_NOT_IN_LOG, LOG_POSITION_MISSING, HEAD_SIGNATURE_INVALID or HEAD_ROOT_MISMATCH.");
        Field(x => x.Message);
    }
}
