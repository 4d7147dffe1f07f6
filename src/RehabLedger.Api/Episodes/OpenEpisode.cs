using System.Text.RegularExpressions;
using Marten;
using RehabLedger.Clinics;
using RehabLedger.Common;
using RehabLedger.Patients;
using Wolverine.Marten;

namespace RehabLedger.Episodes;

public sealed record OpenEpisode(
    Guid EpisodeId,
    Guid PatientId,
    Guid ClinicId,
    Guid TherapistId,
    Condition Condition,
    string? ReferralSource,
    Coverage? Coverage,
    DateOnly StartedOn,
    ActorRef By) : IActorCommand;

/// <summary>What opening an episode must know besides the command: the parties it names.</summary>
public sealed record EpisodeParties(Patient? Patient, Clinic? Clinic, Therapist? Therapist);

public static partial class OpenEpisodeHandler
{
    // ICD-10-CM: a letter, two characters, then an optional dot and up to four more (M17.11, S83.511A).
    [GeneratedRegex(@"^[A-Z][0-9][0-9A-Z](\.[0-9A-Z]{1,4})?$")]
    private static partial Regex Icd10Pattern();

    /// <summary>One round trip for the three documents the decision needs.</summary>
    public static async Task<EpisodeParties> LoadAsync(OpenEpisode command, IDocumentSession session, CancellationToken ct)
    {
        var batch = session.CreateBatchQuery();
        var patient = batch.Load<Patient>(command.PatientId);
        var clinic = batch.Load<Clinic>(command.ClinicId);
        var therapist = batch.Load<Therapist>(command.TherapistId);
        await batch.Execute(ct);
        return new EpisodeParties(await patient, await clinic, await therapist);
    }

    public static EpisodeOpened Decide(OpenEpisode command, EpisodeParties parties, DateOnly today)
    {
        var clinic = parties.Clinic ?? throw ClinicalRuleViolation.NotFound("clinic", command.ClinicId, "clinicId");
        // A patient or therapist of another clinic is answered exactly like an unknown id: a clinic's users must not
        // learn, by trying ids, who is registered elsewhere.
        var patient = parties.Patient is { } p && p.ClinicId == clinic.Id
            ? p
            : throw ClinicalRuleViolation.NotFound("patient", command.PatientId, "patientId");
        var therapist = parties.Therapist is { } t && t.ClinicId == clinic.Id
            ? t
            : throw ClinicalRuleViolation.NotFound("therapist", command.TherapistId, "therapistId");
        Validate.NotInFuture(command.StartedOn, today, "startedOn");
        Validate.That(command.StartedOn >= patient.BirthDate, "startedOn",
            "startedOn is before the patient's birth date.");

        return new EpisodeOpened(
            Validate.Id(command.EpisodeId, "id"),
            patient.Id,
            clinic.Id,
            therapist.Id,
            ValidCondition(command.Condition),
            Validate.Optional(command.ReferralSource, "referralSource"),
            ValidCoverage(command.Coverage),
            command.StartedOn,
            command.By);
    }

    public static (StreamWritten, IStartStream) Handle(OpenEpisode command, EpisodeParties parties, TimeProvider clock)
    {
        var opened = Decide(command, parties, clock.Today());
        return (new StreamWritten(opened.EpisodeId, 1), MartenOps.StartStream<Episode>(opened.EpisodeId, opened));
    }

    private static Condition ValidCondition(Condition condition)
    {
        var code = Validate.Required(condition.Icd10Code, "condition.icd10Code", 10).ToUpperInvariant();
        Validate.That(Icd10Pattern().IsMatch(code), "condition.icd10Code",
            $"'{code}' is not an ICD-10 code (expected a letter, two characters, then optionally a dot and up to four more, as in M17.11).");
        return new Condition(
            code,
            Validate.Required(condition.Description, "condition.description"),
            Validate.Required(condition.BodyRegion, "condition.bodyRegion"));
    }

    private static Coverage? ValidCoverage(Coverage? coverage) => coverage is null
        ? null
        : new Coverage(
            Validate.Required(coverage.PayerId, "coverage.payerId"),
            Validate.Required(coverage.PayerName, "coverage.payerName"),
            Validate.Required(coverage.MemberId, "coverage.memberId"));
}
