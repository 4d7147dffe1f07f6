using Bogus;
using RehabLedger.Common;
using RehabLedger.Episodes;
using RehabLedger.Goals;
using RehabLedger.PlanOfCare;
using RehabLedger.Programs;
using RehabLedger.Sessions;

namespace RehabLedger.Benchmarks.Data;

/// <summary>Writes one episode's events day by day, keeping the state the next event depends on (dosages, measures).</summary>
internal sealed class EpisodeBuilder(Faker faker, Guid id, Guid patientId, Guid clinicId, (Guid Id, string Name) therapist, ConditionSpec spec, DateOnly start)
{
    private const int CertificationDays = 60;
    private readonly ActorRef _by = new(therapist.Id.ToString(), "therapist", therapist.Name);
    private readonly ActorRef _patient = new(patientId.ToString(), "patient", "Patient");
    private readonly List<(Guid Id, ExerciseSpec Spec, Dosage Dosage)> _program = [];
    private readonly List<Guid> _goals = [];
    private readonly List<DateTimeOffset> _recordedAt = [];
    private readonly Dictionary<string, decimal> _measures = [];
    private int _attendedSinceReport;
    private int _pain;
    private DateOnly _certifiedThrough;

    public Guid Id => id;
    public List<object> Events { get; } = [];

    public void Open(string referral, Coverage coverage)
    {
        Add(start, new EpisodeOpened(id, patientId, clinicId, therapist.Id, spec.Condition, referral, coverage, start, _by));
        Certify(start);
        _pain = faker.Random.Int(5, 8);
        foreach (var m in spec.Measures) _measures[m.Code] = Baseline(m);
        var initial = Assess(AssessmentKind.Initial, start);
        var measured = spec.Measures[0];
        var goal = faker.Random.Guid();
        _goals.Add(goal);
        Add(start, new GoalSet(id, goal, $"Improve {measured.Code} to functional level", measured.Code, null, initial, Target(measured),
            start.AddDays(60), start, _by));
        goal = faker.Random.Guid();
        _goals.Add(goal);
        Add(start, new GoalSet(id, goal, faker.PickRandom("Return to work without restriction", "Walk 30 minutes without pain",
            "Climb a flight of stairs reciprocally", "Sleep through the night"), null, null, null, null, start.AddDays(75), start, _by));
        foreach (var exercise in spec.Exercises)
        {
            var dosage = InitialDosage(exercise);
            var exerciseId = faker.Random.Guid();
            _program.Add((exerciseId, exercise, dosage));
            Add(start, new ExercisePrescribed(id, exerciseId, faker.Random.Guid(), exercise.Name, null, exercise.Category, dosage,
                "Slow, controlled movement through the pain-free range.", null, "Initial program", start, _by));
        }
    }

    /// <summary>The life of an episode up to <paramref name="end"/>: sessions twice a week, home logs, progressions, re-assessments.</summary>
    public void RunUntil(DateOnly end, bool discharge)
    {
        for (var day = start.AddDays(1); day <= end; day = day.AddDays(1))
        {
            var n = day.DayNumber - start.DayNumber;
            if (day > _certifiedThrough) Certify(day);
            if (day.DayOfWeek is DayOfWeek.Monday or DayOfWeek.Thursday) Session(day);
            if (faker.Random.Bool(0.45f)) HomeLog(day, _program[3]);
            if (faker.Random.Bool(0.35f)) HomeLog(day, _program[4]);
            if (n % 14 == 0) Progress(day);
            if (n % 30 == 0) Assess(AssessmentKind.ReAssessment, day);
            if (_attendedSinceReport >= 10) Report(day);
        }
        if (!discharge) return;
        Assess(AssessmentKind.Discharge, end);
        Add(end, new EpisodeDischarged(id, end, "Goals met; independent with home program.", _by));
    }

    /// <summary>Exactly <paramref name="count"/> events: daily home logs, a session every other day, a progression weekly.</summary>
    public void FillTo(int count)
    {
        for (var day = start.AddDays(1); Events.Count < count; day = day.AddDays(1))
        {
            var n = day.DayNumber - start.DayNumber;
            if (Events.Count < count) HomeLog(day, _program[3]);
            if (Events.Count < count && n % 2 == 0) Session(day);
            if (Events.Count < count && n % 7 == 0) Progress(day);
            if (Events.Count < count) HomeLog(day, _program[4]);
        }
    }

    public Guid[] ActiveClinicExercises() => _program.Where(p => p.Spec.Setting == ExerciseSetting.Clinic).Select(p => p.Id).ToArray();

    public GeneratedStream ToStream() => new(id, typeof(Episode), Events, _recordedAt);

    private void Certify(DateOnly from)
    {
        _certifiedThrough = from.AddDays(CertificationDays - 1);
        Add(from, new PlanOfCareCertified(id, faker.Random.Guid(), from, _certifiedThrough,
            new CertifyingPhysician($"Dr. {faker.Name.FullName()}", faker.Random.ReplaceNumbers("##########")), null, _by));
    }

    private Guid Assess(AssessmentKind kind, DateOnly on)
    {
        if (kind != AssessmentKind.Initial)
            foreach (var m in spec.Measures) _measures[m.Code] = Improved(m, _measures[m.Code]);
        var assessment = faker.Random.Guid();
        var side = faker.PickRandom(BodySide.Left, BodySide.Right);
        var progress = kind == AssessmentKind.Initial ? 0 : faker.Random.Int(5, 20);
        Add(on, new AssessmentRecorded(id, assessment, kind, on, therapist.Id, therapist.Name,
            spec.Measures.Select(m => new MeasureResult(m.Code, _measures[m.Code])).ToList(),
            spec.RangeOfMotion.Select(r => new RangeOfMotionResult(r.Joint, r.Motion, side, true, faker.Random.Int(40, 100) + progress)).ToList(),
            spec.MuscleGroups.Select(g => new MuscleTestResult(g, side, Math.Min(5, faker.Random.Int(3, 4) + (progress > 12 ? 1 : 0)))).ToList(),
            faker.Lorem.Sentence(12), _by));
        return assessment;
    }

    private void Session(DateOnly day)
    {
        var roll = faker.Random.Double();
        var attendance = roll < 0.86 ? Attendance.Attended : roll < 0.95 ? Attendance.Cancelled : Attendance.NoShow;
        if (attendance != Attendance.Attended)
        {
            Add(day, new SessionRecorded(id, faker.Random.Guid(), day, attendance, 0, therapist.Id, therapist.Name, [], null, null, null, [],
                attendance == Attendance.Cancelled ? "Patient called to cancel." : null, _by));
            return;
        }
        _pain = Math.Clamp(_pain + faker.Random.Int(-1, 1) - (faker.Random.Bool(0.3f) ? 1 : 0), 0, 10);
        var performed = _program.Where(p => p.Spec.Setting == ExerciseSetting.Clinic).Select(p => Performed(p.Id, p.Dosage)).ToList();
        IReadOnlyList<AdverseEvent> adverse = faker.Random.Bool(0.01f)
            ? [new AdverseEvent("Dizziness on standing", AdverseEventSeverity.Mild, "Seated rest, vitals checked, resolved in 5 minutes.")]
            : [];
        Add(day, new SessionRecorded(id, faker.Random.Guid(), day, attendance, faker.PickRandom(30, 45, 45, 60), therapist.Id, therapist.Name,
            performed, _pain, Math.Max(0, _pain - faker.Random.Int(0, 2)), faker.Random.Int(4, 7), adverse, faker.Lorem.Sentence(10), _by));
        _attendedSinceReport++;
    }

    private void HomeLog(DateOnly day, (Guid Id, ExerciseSpec Spec, Dosage Dosage) exercise) =>
        Add(day, new HomeExerciseLogged(id, faker.Random.Guid(), day, exercise.Id, exercise.Dosage.Sets,
            exercise.Dosage.Repetitions, faker.Random.Int(0, 5), HomeLogReporter.Patient, null, _patient));

    private void Progress(DateOnly day)
    {
        var index = faker.Random.Int(0, _program.Count - 1);
        var (exerciseId, exercise, current) = _program[index];
        var next = current.DurationMinutes is { } minutes
            ? current with { DurationMinutes = Math.Min(60, minutes + 5) }
            : current with
            {
                Sets = Math.Min(5, current.Sets + (current.Repetitions >= 15 ? 1 : 0)),
                Repetitions = current.Repetitions >= 15 ? 10 : current.Repetitions + 2,
            };
        _program[index] = (exerciseId, exercise, next);
        Add(day, new ExerciseDosageAdjusted(id, exerciseId, faker.Random.Guid(), AdjustmentKind.Progression, current, next,
            "Tolerating current dosage with RPE below target.", day, _by));
    }

    private void Report(DateOnly day)
    {
        Add(day, new ProgressReportIssued(id, faker.Random.Guid(), _goals.Select(g => new GoalSummary(g, faker.Lorem.Sentence(8))).ToList(),
            "Continue plan of care; progress home program.", day, _by));
        _attendedSinceReport = 0;
    }

    private PerformedExercise Performed(Guid exerciseId, Dosage d) =>
        new(exerciseId, d.Sets, d.Repetitions, d.HoldSeconds, d.Load, d.LoadUnit, d.Band, d.DurationMinutes, faker.Random.Int(4, 7));

    private Dosage InitialDosage(ExerciseSpec e)
    {
        var perWeek = e.Setting == ExerciseSetting.Home ? 5 : 2;
        if (e.Timed) return new Dosage(1, null, null, null, null, null, 10, perWeek, 4, e.Setting);
        var loaded = e.Category == ExerciseCategory.Strengthening && faker.Random.Bool();
        return new Dosage(faker.Random.Int(2, 3), faker.Random.Int(8, 12), null, loaded ? faker.Random.Int(2, 10) : null,
            loaded ? LoadUnit.Kg : null, null, null, perWeek, 5, e.Setting);
    }

    private decimal Baseline(MeasureSpec m)
    {
        var span = m.Maximum - m.Minimum;
        var worse = m.HigherIsBetter ? m.Minimum + span * 0.3m : m.Minimum + span * 0.55m;
        return Math.Round(Math.Clamp(worse + faker.Random.Decimal(-0.1m, 0.1m) * span, m.Minimum, m.Maximum), 0);
    }

    private decimal Improved(MeasureSpec m, decimal value)
    {
        var gain = Math.Round(m.TypicalGain * faker.Random.Decimal(-0.2m, 0.7m), 0);
        return Math.Clamp(m.HigherIsBetter ? value + gain : value - gain, m.Minimum, m.Maximum);
    }

    private decimal Target(MeasureSpec m) => Math.Clamp(m.HigherIsBetter ? _measures[m.Code] + m.TypicalGain : _measures[m.Code] - m.TypicalGain,
        m.Minimum, m.Maximum);

    private void Add(DateOnly on, object e)
    {
        Events.Add(e);
        _recordedAt.Add(ClinicalDataGenerator.Moment(on).AddSeconds(Events.Count));
    }
}
