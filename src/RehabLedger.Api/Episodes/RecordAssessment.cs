using Marten;
using RehabLedger.Clinics;
using RehabLedger.Common;
using RehabLedger.Outcomes;
using Wolverine.Marten;

namespace RehabLedger.Episodes;

/// <param name="ExpectedVersion">The episode version the caller last saw; a stale one is refused with CONFLICT.</param>
public sealed record RecordAssessment(
    Guid EpisodeId,
    long ExpectedVersion,
    Guid AssessmentId,
    AssessmentKind Kind,
    DateOnly EffectiveOn,
    Guid AssessorId,
    IReadOnlyList<MeasureResult> Measures,
    IReadOnlyList<RangeOfMotionResult> RangeOfMotion,
    IReadOnlyList<MuscleTestResult> MuscleTests,
    string? Findings,
    ActorRef By) : IEpisodeCommand;

public static class RecordAssessmentHandler
{
    /// <summary>More entries than any real assessment holds: a guard against runaway or hostile input.</summary>
    public const int MaxEntries = 100;

    public static Task<Therapist?> LoadAsync(RecordAssessment command, IDocumentSession session, CancellationToken ct) =>
        session.LoadAsync<Therapist>(command.AssessorId, ct);

    [AggregateHandler]
    public static (UpdatedAggregate, Events) Handle(RecordAssessment command, Episode? episode, Therapist? assessor, TimeProvider clock) =>
        (new UpdatedAggregate(), [Decide(command, episode, assessor, clock.Today())]);

    public static AssessmentRecorded Decide(RecordAssessment command, Episode? found, Therapist? assessor, DateOnly today) =>
        Assess(command, EpisodeRules.Writable(found, command.EpisodeId, command.ExpectedVersion), assessor, today);

    /// <summary>
    /// Every rule an assessment obeys once its episode is known to be writable, and the event it becomes.
    /// Pure, so a discharge that carries its discharge assessment applies exactly these rules.
    /// <paramref name="at"/> is where the assessment sits in the input, for the error's field path.
    /// </summary>
    public static AssessmentRecorded Assess(RecordAssessment command, Episode episode, Therapist? assessor, DateOnly today, string at = FieldPath.Command)
    {
        var assessmentId = EpisodeRules.NewEntryId(episode, command.AssessmentId, FieldPath.Join(at, "id"), "assessment");
        // A therapist of another clinic is answered like an unknown id, so ids cannot be probed across clinics.
        if (assessor is null || assessor.ClinicId != episode.ClinicId)
            throw ClinicalRuleViolation.NotFound("therapist", command.AssessorId, FieldPath.Join(at, "assessorId"));
        Validate.That(Enum.IsDefined(command.Kind), FieldPath.Join(at, "kind"), $"{FieldPath.Join(at, "kind")} is not a known assessment kind.");
        Validate.That(command.Kind != AssessmentKind.Initial || episode.StandingAssessments.All(a => a.Kind != AssessmentKind.Initial),
            FieldPath.Join(at, "kind"), "This episode already has an initial assessment; record a re-assessment instead.");
        EpisodeRules.WithinEpisode(command.EffectiveOn, episode, today, FieldPath.Join(at, "effectiveOn"));

        var findings = Validate.Optional(command.Findings, FieldPath.Join(at, "findings"), Validate.LongText);
        Validate.That(command.Measures.Count + command.RangeOfMotion.Count + command.MuscleTests.Count > 0 || findings is not null,
            at, "An assessment must record at least one measure, range of motion, muscle test or finding.");

        return new AssessmentRecorded(
            episode.Id,
            assessmentId,
            command.Kind,
            command.EffectiveOn,
            assessor.Id,
            assessor.DisplayName,
            ValidMeasures(command.Measures, at),
            ValidRangeOfMotion(command.RangeOfMotion, at),
            ValidMuscleTests(command.MuscleTests, at),
            findings,
            command.By);
    }

    private static List<MeasureResult> ValidMeasures(IReadOnlyList<MeasureResult> measures, string at)
    {
        Validate.That(measures.Count <= MaxEntries, FieldPath.Join(at, "measures"), $"At most {MaxEntries} measures per assessment.");
        var seen = new HashSet<string>();
        return measures.Select((m, i) =>
        {
            var field = FieldPath.Join(at, $"measures[{i}]");
            var code = Validate.Required(m.Code, $"{field}.code", 20);
            var measure = OutcomeMeasureCatalog.Find(code);
            Validate.That(measure is { Kind: MeasureKind.Score }, $"{field}.code",
                measure is null
                    ? $"'{code}' is not a known outcome measure; see the outcomeMeasures query."
                    : $"{measure.Code} is recorded per site: use rangeOfMotion or muscleTests.");
            Validate.That(seen.Add(measure!.Code), $"{field}.code", $"{measure.Code} appears more than once in this assessment.");
            InRange(measure, m.Value, $"{field}.value");
            return new MeasureResult(measure.Code, m.Value);
        }).ToList();
    }

    private static List<RangeOfMotionResult> ValidRangeOfMotion(IReadOnlyList<RangeOfMotionResult> entries, string at)
    {
        Validate.That(entries.Count <= MaxEntries, FieldPath.Join(at, "rangeOfMotion"), $"At most {MaxEntries} range-of-motion entries per assessment.");
        var rom = OutcomeMeasureCatalog.Get(OutcomeMeasureCatalog.Rom);
        var seen = new HashSet<(string, string, BodySide, bool)>();
        return entries.Select((r, i) =>
        {
            var field = FieldPath.Join(at, $"rangeOfMotion[{i}]");
            var joint = Validate.Required(r.Joint, $"{field}.joint", 60).ToLowerInvariant();
            var motion = Validate.Required(r.Motion, $"{field}.motion", 60).ToLowerInvariant();
            Validate.That(Enum.IsDefined(r.Side), $"{field}.side", "side is not a known value.");
            Validate.That(seen.Add((joint, motion, r.Side, r.Active)), field,
                $"{joint} {motion} ({r.Side}, {(r.Active ? "active" : "passive")}) appears more than once in this assessment.");
            InRange(rom, r.Degrees, $"{field}.degrees");
            return new RangeOfMotionResult(joint, motion, r.Side, r.Active, r.Degrees);
        }).ToList();
    }

    private static List<MuscleTestResult> ValidMuscleTests(IReadOnlyList<MuscleTestResult> entries, string at)
    {
        Validate.That(entries.Count <= MaxEntries, FieldPath.Join(at, "muscleTests"), $"At most {MaxEntries} muscle tests per assessment.");
        var mmt = OutcomeMeasureCatalog.Get(OutcomeMeasureCatalog.Mmt);
        var seen = new HashSet<(string, BodySide)>();
        return entries.Select((t, i) =>
        {
            var field = FieldPath.Join(at, $"muscleTests[{i}]");
            var group = Validate.Required(t.MuscleGroup, $"{field}.muscleGroup", 60).ToLowerInvariant();
            Validate.That(Enum.IsDefined(t.Side), $"{field}.side", "side is not a known value.");
            Validate.That(seen.Add((group, t.Side)), field, $"{group} ({t.Side}) appears more than once in this assessment.");
            InRange(mmt, t.Grade, $"{field}.grade");
            // The 0-5 scale is ordinal: a fraction is not a grade (record 4+ as 4 and note it in findings).
            Validate.That(decimal.Truncate(t.Grade) == t.Grade, $"{field}.grade", $"Muscle test grade {t.Grade} is not a whole grade 0-5.");
            return new MuscleTestResult(group, t.Side, t.Grade);
        }).ToList();
    }

    private static void InRange(OutcomeMeasure measure, decimal value, string field) =>
        Validate.That(measure.Accepts(value), field,
            $"{value} is outside the range of {measure.Code} ({measure.RangeText}); it was not recorded.");
}
