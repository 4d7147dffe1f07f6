namespace RehabLedger.PlanOfCare;

/// <summary>Calendar arithmetic on certification periods. Both ends of a period are covered days.</summary>
public static class CertificationPeriod
{
    /// <summary>Medicare Benefit Policy Manual ch. 15: a certification lasts at most 90 days; longer treatment is recertified.</summary>
    public const int MaxDays = 90;

    public static int Days(DateOnly start, DateOnly end) => end.DayNumber - start.DayNumber + 1;

    public static bool Covers(Certification certification, DateOnly day) =>
        certification.Start <= day && day <= certification.End;

    public static bool Overlaps(Certification certification, DateOnly start, DateOnly end) =>
        certification.Start <= end && start <= certification.End;
}
