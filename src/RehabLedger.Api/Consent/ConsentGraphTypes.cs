using GraphQL.Types;
using RehabLedger.Episodes;
using RehabLedger.Patients;
using RehabLedger.GraphQL.Cost;

namespace RehabLedger.Consent;

public sealed class PayerConsentType : ObjectGraphType<PayerConsent>
{
    public PayerConsentType()
    {
        Name = "PayerConsent";
        Description = "A patient's consent for a payer to receive the outcome histories of the episodes it covers.";
        Field(x => x.PayerId);
        Field(x => x.Active).Description("True until revoked; a payer reads outcome histories only while it is.");
        Field(x => x.GrantedAt);
        Field(x => x.GrantedBy, type: typeof(NonNullGraphType<ActorType>));
        Field(x => x.RevokedAt, nullable: true);
        Field(x => x.RevokedBy, type: typeof(ActorType));
        Field(x => x.RevocationReason, nullable: true);
    }
}

public sealed record ConsentPayload(Guid PatientId, long Version, IReadOnlyList<PayerConsent> Consents);

/// <summary>
/// What a consent change answers with: the patient's consents, not the patient record, so a patient managing their
/// own consents is answered without reaching clinic records.
/// </summary>
public sealed class ConsentPayloadType : ObjectGraphType<ConsentPayload>
{
    public ConsentPayloadType()
    {
        Name = "ConsentPayload";
        Field(x => x.PatientId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(x => x.Version).Description("The patient stream's version after this change: the next expectedVersion.");
        Field(x => x.Consents, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<PayerConsentType>>>)).Costs(FieldCost.InMemory)
            .Description("Every consent granted, oldest first, revoked ones included.");
    }
}

public sealed class ConsentInput
{
    public const string ExpectedVersionText =
        "The patient stream's version you last saw (myConsents, patient, or the last ConsentPayload); a stale one is refused with CONFLICT.";

    public Guid PatientId { get; set; }
    public long ExpectedVersion { get; set; }
    public string PayerId { get; set; } = "";
    public string? Reason { get; set; }
}

public sealed class GrantConsentInputType : InputObjectGraphType<ConsentInput>
{
    public GrantConsentInputType()
    {
        Name = "GrantConsentInput";
        Field(x => x.PatientId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(x => x.ExpectedVersion).Description(ConsentInput.ExpectedVersionText);
        Field(x => x.PayerId).Description("The payer as episodes name it in their coverage, for example aetna.");
    }
}

public sealed class RevokeConsentInputType : InputObjectGraphType<ConsentInput>
{
    public RevokeConsentInputType()
    {
        Name = "RevokeConsentInput";
        Field(x => x.PatientId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(x => x.ExpectedVersion).Description(ConsentInput.ExpectedVersionText);
        Field(x => x.PayerId);
        Field(x => x.Reason, nullable: true);
    }
}
