using RehabLedger.Common;
using RehabLedger.Consent;

namespace RehabLedger.Patients;

/// <summary>One grant of consent to a payer, and its revocation once revoked.</summary>
public sealed class PayerConsent
{
    public string PayerId { get; set; } = "";
    public DateTimeOffset GrantedAt { get; set; }
    public ActorRef GrantedBy { get; set; } = ActorRef.Unauthenticated;
    public DateTimeOffset? RevokedAt { get; set; }
    public ActorRef? RevokedBy { get; set; }
    public string? RevocationReason { get; set; }

    public bool Active => RevokedAt is null;
}

public sealed partial class Patient
{
    /// <summary>Every consent ever granted, oldest first; revoked ones stay, marked with their revocation.</summary>
    public List<PayerConsent> Consents { get; set; } = [];

    public bool HasActiveConsent(string payerId) => Consents.Any(c => c.Active && c.PayerId == payerId);

    public void Apply(ConsentGranted e) =>
        Consents.Add(new PayerConsent { PayerId = e.PayerId, GrantedAt = e.EffectiveAt, GrantedBy = e.By });

    public void Apply(ConsentRevoked e)
    {
        foreach (var consent in Consents.Where(c => c.Active && c.PayerId == e.PayerId))
        {
            consent.RevokedAt = e.EffectiveAt;
            consent.RevokedBy = e.By;
            consent.RevocationReason = e.Reason;
        }
    }
}
