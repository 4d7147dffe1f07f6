namespace RehabLedger.PlanOfCare;

/// <summary>
/// Where an episode stands with its certification on a day. <see cref="Ending"/> is the caseload's
/// "certification ending" flag; <see cref="Lapsed"/> and <see cref="Missing"/> say when it is raised for those reasons.
/// </summary>
/// <param name="Certification">The certification the rule chose; null when none is on record.</param>
/// <param name="DaysRemaining">End minus today in calendar days: 0 on its last day, negative once lapsed.</param>
public sealed record CertificationState(Certification? Certification, int? DaysRemaining, bool Ending, bool Lapsed, bool Missing);

/// <summary>
/// docs/02-event-catalog.md (Certification status): take the certification that covers today, else the one that ends latest; flag when end - today <= 7
/// (negative: lapsed). No certification on record at all also raises the flag. Callers pass the standing certifications
/// (<see cref="Corrections.EnteredInErrorSet"/>): entries in error count nowhere.
/// </summary>
public static class CertificationStatus
{
    public const int EndingWithinDays = 7;

    public static CertificationState On(IEnumerable<Certification> certifications, DateOnly today)
    {
        var standing = certifications.ToList();
        var chosen = standing.Where(c => CertificationPeriod.Covers(c, today)).MaxBy(c => c.End) ?? standing.MaxBy(c => c.End);
        if (chosen is null) return new CertificationState(null, null, Ending: true, Lapsed: false, Missing: true);

        var daysRemaining = chosen.End.DayNumber - today.DayNumber;
        return new CertificationState(chosen, daysRemaining, Ending: daysRemaining <= EndingWithinDays, Lapsed: daysRemaining < 0, Missing: false);
    }
}
