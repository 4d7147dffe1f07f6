using RehabLedger.Common;

namespace RehabLedger.PlanOfCare;

/// <summary>
/// A physician certified the plan of care for a period, both ends included. <see cref="EffectiveOn"/> is the first
/// day the certification covers (its start), <see cref="EndsOn"/> the last.
/// </summary>
public sealed record PlanOfCareCertified(
    Guid EpisodeId,
    Guid CertificationId,
    DateOnly EffectiveOn,
    DateOnly EndsOn,
    CertifyingPhysician Physician,
    string? Note,
    ActorRef By);

/// <summary>The physician who signed a certification, with their 10-digit National Provider Identifier when known.</summary>
public sealed record CertifyingPhysician(string Name, string? Npi);
