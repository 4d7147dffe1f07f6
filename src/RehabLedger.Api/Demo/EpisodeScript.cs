using RehabLedger.Common;
using RehabLedger.Corrections;
using RehabLedger.Episodes;
using RehabLedger.Goals;
using RehabLedger.PlanOfCare;
using RehabLedger.Programs;
using RehabLedger.Sessions;

namespace RehabLedger.Demo;

/// <summary>
/// A command on an existing episode. The expected version is filled in only when it is sent, from the stream as it
/// stands then, exactly as a client that has just read the episode would.
/// </summary>
public sealed record EpisodeCommand(Guid EpisodeId, DateOnly On, Func<long, IActorCommand> At);

/// <summary>
/// The history of one demo episode, written as the clinic would record it, with dates counted in days before
/// today. It only builds commands: the real handlers decide, so every rule holds. <see cref="Commands"/> sends them
/// in date order; what one day records keeps the order the script gives it.
/// </summary>
public sealed class EpisodeScript(int episode, Guid therapistId, DateOnly today)
{
    private static readonly ActorRef By = ActorRef.DemoSeeder;

    private readonly List<EpisodeCommand> _commands = [];
    // Ordered, so a session goes through the program in the order it was prescribed.
    private readonly OrderedDictionary<Guid, PlannedExercise> _program = [];
    private readonly Dictionary<Guid, DateOnly> _goalTargets = [];
    private readonly Dictionary<DemoEntry, int> _counts = [];

    public Guid EpisodeId { get; } = DemoIds.Episode(episode);

    /// <summary>OrderBy is stable: commands of the same day go out in script order.</summary>
    public IEnumerable<EpisodeCommand> Commands => _commands.OrderBy(c => c.On);

    public DateOnly Day(int daysAgo) => today.AddDays(-daysAgo);

    public Guid Assess(int daysAgo, AssessmentKind kind, MeasureResult[] measures, RangeOfMotionResult[]? rom = null,
        MuscleTestResult[]? muscleTests = null, string? findings = null)
    {
        var id = Next(DemoEntry.Assessment);
        Add(daysAgo, v => new RecordAssessment(EpisodeId, v, id, kind, Day(daysAgo), therapistId, measures, rom ?? [], muscleTests ?? [],
            findings, By));
        return id;
    }

    public Guid Certify(int startDaysAgo, int endsInDays, string physician, string npi, string note)
    {
        var id = Next(DemoEntry.Certification);
        Add(startDaysAgo, v => new CertifyPlanOfCare(EpisodeId, v, id, Day(startDaysAgo), today.AddDays(endsInDays),
            new CertifyingPhysician(physician, npi), note, By));
        return id;
    }

    /// <summary>A goal; a measured one takes its baseline from the latest assessment, as a clinician leaving it blank would.</summary>
    public Guid Goal(int daysAgo, string description, int weeks, string? measure = null, decimal? target = null)
    {
        var id = Next(DemoEntry.Goal);
        var targetDate = _goalTargets[id] = Day(daysAgo).AddDays(7 * weeks);
        Add(daysAgo, v => new SetGoal(EpisodeId, v, id, description, measure, null, target, targetDate, Day(daysAgo), By));
        return id;
    }

    public void PostponeTarget(int daysAgo, Guid goal, int weeks, string reason)
    {
        var targetDate = _goalTargets[goal] = _goalTargets[goal].AddDays(7 * weeks);
        Add(daysAgo, v => new ReviseGoal(EpisodeId, v, goal, null, null, targetDate, reason, Day(daysAgo), By));
    }

    public void SetStatus(int daysAgo, Guid goal, GoalStatus status, string note) =>
        Add(daysAgo, v => new SetGoalStatus(EpisodeId, v, goal, status, note, Day(daysAgo), By));

    public Guid Report(int daysAgo, string plan, params (Guid Goal, string Summary)[] summaries)
    {
        var id = Next(DemoEntry.ProgressReport);
        Add(daysAgo, v => new IssueProgressReport(EpisodeId, v, id, [.. summaries.Select(s => new GoalSummary(s.Goal, s.Summary))], plan,
            Day(daysAgo), By));
        return id;
    }

    public Guid Prescribe(int daysAgo, string name, ExerciseCategory category, Dosage dosage, string? instructions = null, string? precautions = null)
    {
        var id = Next(DemoEntry.Exercise);
        var change = Next(DemoEntry.ProgramChange);
        _program[id] = new PlannedExercise(Day(daysAgo), dosage);
        Add(daysAgo, v => new PrescribeExercise(EpisodeId, v, id, change, name, null, category, dosage, instructions, precautions, null, Day(daysAgo), By));
        return id;
    }

    /// <summary>Changes one parameter of the dosage in force on that day, as the progression protocol does.</summary>
    public void Adjust(int daysAgo, Guid exercise, AdjustmentKind kind, Func<Dosage, Dosage> change, string reason)
    {
        var planned = _program[exercise];
        var dosage = change(planned.DosageOn(Day(daysAgo)));
        planned.Dosages.Add((Day(daysAgo), dosage));
        var changeId = Next(DemoEntry.ProgramChange);
        Add(daysAgo, v => new AdjustDosage(EpisodeId, v, exercise, changeId, kind, dosage, reason, Day(daysAgo), By));
    }

    public Guid Substitute(int daysAgo, Guid exercise, string name, ExerciseCategory category, Dosage dosage, string reason, string? instructions = null)
    {
        var id = Next(DemoEntry.Exercise);
        var change = Next(DemoEntry.ProgramChange);
        _program[exercise].EndedOn = Day(daysAgo);
        _program[id] = new PlannedExercise(Day(daysAgo), dosage);
        Add(daysAgo, v => new SubstituteExercise(EpisodeId, v, exercise, change, id, name, null, category, dosage, instructions, null, reason,
            Day(daysAgo), By));
        return id;
    }

    public void Discontinue(int daysAgo, Guid exercise, string reason)
    {
        var change = Next(DemoEntry.ProgramChange);
        _program[exercise].EndedOn = Day(daysAgo);
        Add(daysAgo, v => new DiscontinueExercise(EpisodeId, v, exercise, change, reason, Day(daysAgo), By));
    }

    /// <summary>
    /// An attended session. Unless told otherwise the patient does every clinic exercise of the day's program at its
    /// prescribed dosage; <paramref name="asDone"/> replaces that for the exercises it names.
    /// </summary>
    public Guid Attended(int daysAgo, int painBefore, int painAfter, int rpe, string? note = null, int minutes = 45,
        Guid[]? exercises = null, PerformedExercise[]? asDone = null, AdverseEvent? adverseEvent = null, Guid? therapist = null)
    {
        var id = Next(DemoEntry.Session);
        var date = Day(daysAgo);
        Add(daysAgo, v => new RecordSession(EpisodeId, v, id, date, Attendance.Attended, minutes, therapist,
            Performed(date, exercises, asDone ?? []), painBefore, painAfter, rpe, adverseEvent is null ? [] : [adverseEvent], note, By));
        return id;
    }

    /// <summary>A cancelled session or a no-show: only the date and why.</summary>
    public Guid Missed(int daysAgo, Attendance attendance, string note)
    {
        var id = Next(DemoEntry.Session);
        Add(daysAgo, v => new RecordSession(EpisodeId, v, id, Day(daysAgo), attendance, null, null, [], null, null, null, [], note, By));
        return id;
    }

    /// <summary>The patient reports doing a home exercise on each of the days, as prescribed that day.</summary>
    public void HomeLogs(Guid exercise, int? pain, params int[] daysAgo)
    {
        foreach (var day in daysAgo)
        {
            var id = Next(DemoEntry.HomeLog);
            var date = Day(day);
            Add(day, v =>
            {
                var dosage = _program[exercise].DosageOn(date);
                return new LogHomeExercise(EpisodeId, v, id, date, exercise, dosage.Sets, dosage.Repetitions, pain, HomeLogReporter.Patient, null, By);
            });
        }
    }

    /// <summary>A correction is made today, after everything it could correct.</summary>
    public void EnteredInError(Guid entry, string reason) =>
        Add(0, v => new MarkEnteredInError(EpisodeId, v, entry, reason, By));

    public void Discharge(int daysAgo, string reason, MeasureResult[] measures, RangeOfMotionResult[] rom, MuscleTestResult[] muscleTests, string findings)
    {
        var assessment = Next(DemoEntry.Assessment);
        Add(daysAgo, v => new DischargeEpisode(EpisodeId, v, Day(daysAgo), reason,
            new DischargeAssessment(assessment, therapistId, measures, rom, muscleTests, findings), By));
    }

    private List<PerformedExercise> Performed(DateOnly date, Guid[]? exercises, PerformedExercise[] asDone)
    {
        var chosen = exercises ?? [.. _program.Where(x => x.Value.ActiveOn(date) && x.Value.DosageOn(date).Setting == ExerciseSetting.Clinic).Select(x => x.Key)];
        return [.. chosen.Select(id => asDone.FirstOrDefault(x => x.ExerciseId == id) ?? AsPrescribed(id, _program[id].DosageOn(date)))];
    }

    private static PerformedExercise AsPrescribed(Guid id, Dosage d) =>
        new(id, d.Sets, d.Repetitions, d.HoldSeconds, d.Load, d.LoadUnit, d.Band, d.DurationMinutes, d.TargetRpe);

    private void Add(int daysAgo, Func<long, IActorCommand> at) => _commands.Add(new EpisodeCommand(EpisodeId, Day(daysAgo), at));

    private Guid Next(DemoEntry kind)
    {
        var n = _counts[kind] = _counts.GetValueOrDefault(kind) + 1;
        return DemoIds.Entry(kind, episode, n);
    }

    /// <summary>What the script knows of an exercise, enough to perform and log it as prescribed on a day.</summary>
    private sealed class PlannedExercise(DateOnly prescribedOn, Dosage dosage)
    {
        public List<(DateOnly From, Dosage Dosage)> Dosages { get; } = [(prescribedOn, dosage)];
        public DateOnly? EndedOn { get; set; }

        public bool ActiveOn(DateOnly date) => prescribedOn <= date && (EndedOn is null || date < EndedOn);

        public Dosage DosageOn(DateOnly date) => Dosages.Where(d => d.From <= date).OrderBy(d => d.From).Last().Dosage;
    }
}
