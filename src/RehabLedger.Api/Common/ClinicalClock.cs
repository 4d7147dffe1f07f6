namespace RehabLedger.Common;

/// <summary>
/// "Today" for clinical rules. Dates are calendar dates in UTC; the clock is the injected
/// <see cref="TimeProvider"/>, so tests and replays decide what today is.
/// </summary>
public static class ClinicalClock
{
    public static DateOnly Today(this TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}
