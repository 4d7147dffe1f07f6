using RehabLedger.Common;
using RehabLedger.Episodes;
using Wolverine.Marten;

namespace RehabLedger.PlanOfCare;

/// <param name="ExpectedVersion">The episode version the caller last saw; a stale one is refused with CONFLICT.</param>
/// <param name="Start">The first day the certification covers.</param>
/// <param name="End">The last day it covers, included.</param>
public sealed record CertifyPlanOfCare(
    Guid EpisodeId,
    long ExpectedVersion,
    Guid CertificationId,
    DateOnly Start,
    DateOnly End,
    CertifyingPhysician Physician,
    string? Note,
    ActorRef By) : IEpisodeCommand;

public static class CertifyPlanOfCareHandler
{
    [AggregateHandler]
    public static (UpdatedAggregate, Events) Handle(CertifyPlanOfCare command, Episode? episode, TimeProvider clock) =>
        (new UpdatedAggregate(), [Decide(command, episode, clock.Today())]);

    public static PlanOfCareCertified Decide(CertifyPlanOfCare command, Episode? found, DateOnly today)
    {
        var episode = EpisodeRules.Writable(found, command.EpisodeId, command.ExpectedVersion);
        // An id entered in error stays taken.
        var certificationId = EpisodeRules.NewEntryId(episode, command.CertificationId, "id", "certification");

        var (start, end) = (command.Start, command.End);
        // A physician signs for a period that has begun or begins today; a later period is certified when it comes.
        EpisodeRules.WithinEpisode(start, episode, today, "start");
        Validate.That(end >= start, "end", $"end {end:yyyy-MM-dd} is before start {start:yyyy-MM-dd}.");
        var days = CertificationPeriod.Days(start, end);
        Validate.That(days <= CertificationPeriod.MaxDays, "end",
            $"{start:yyyy-MM-dd} to {end:yyyy-MM-dd} is {days} days; a certification covers at most {CertificationPeriod.MaxDays} " +
            "calendar days counting both ends. Certify the rest as a recertification.");

        var physician = new CertifyingPhysician(
            Validate.Required(command.Physician.Name, "physician.name"),
            ValidNpi(command.Physician.Npi));
        var note = Validate.Optional(command.Note, "note", Validate.LongText);
        NoOverlap(episode, start, end);

        return new PlanOfCareCertified(episode.Id, certificationId, start, end, physician, note, command.By);
    }

    private static string? ValidNpi(string? value)
    {
        var npi = Validate.Optional(value, "physician.npi");
        Validate.That(npi is null || (npi.Length == 10 && npi.All(char.IsAsciiDigit)), "physician.npi",
            $"'{npi}' is not an NPI: a National Provider Identifier is exactly 10 digits.");
        return npi;
    }

    /// <summary>One certification answers for any day, so periods never overlap; an adjacent recertification does not.</summary>
    private static void NoOverlap(Episode episode, DateOnly start, DateOnly end)
    {
        var overlapped = episode.StandingCertifications
            .OrderBy(c => c.Start)
            .FirstOrDefault(c => CertificationPeriod.Overlaps(c, start, end));
        if (overlapped is null) return;
        // Name the end of the new period that lies inside the other one, so a client can point at it.
        var field = CertificationPeriod.Covers(overlapped, start) ? "start" : "end";
        throw ClinicalRuleViolation.Invalid(field,
            $"{start:yyyy-MM-dd} to {end:yyyy-MM-dd} overlaps certification {overlapped.Id} " +
            $"({overlapped.Start:yyyy-MM-dd} to {overlapped.End:yyyy-MM-dd}); certified periods must not overlap.");
    }
}
