using System.Globalization;
using Hl7.Fhir.Model;
using RehabLedger.Episodes;
using RehabLedger.Goals;
using RehabLedger.Outcomes;
using RehabLedger.Programs;
using RehabLedger.Sessions;
using FhirCondition = Hl7.Fhir.Model.Condition;
using FhirCoverage = Hl7.Fhir.Model.Coverage;
using FhirGoal = Hl7.Fhir.Model.Goal;

namespace RehabLedger.Insurers.Fhir;

/// <summary>
/// An outcome history as a FHIR R4 Bundle of type collection (docs/06-insurers.md has the mapping table). Everything
/// comes from the <see cref="OutcomeHistory"/> except the program (ServiceRequests), each recorded value
/// (Observations, one per value rather than per series), the attended sessions (Encounters) and who recorded what
/// (Provenance), which come from the same documents and add no free text: no instructions, precautions, notes,
/// reasons or names. Every reference is an entry's fullUrl.
/// </summary>
public sealed partial class OutcomeHistoryBundle
{
    private readonly OutcomeHistory _history;
    private readonly OutcomeHistorySources _sources;
    private readonly BundleIds _ids;
    private readonly Bundle _bundle;

    private OutcomeHistoryBundle(OutcomeHistory history, OutcomeHistorySources sources, DateTimeOffset now)
    {
        _history = history;
        _sources = sources;
        _ids = new BundleIds(history.EpisodeId);
        _bundle = new Bundle { Type = Bundle.BundleType.Collection, Timestamp = now };
    }

    public static Bundle Build(OutcomeHistory history, OutcomeHistorySources sources, DateTimeOffset now)
    {
        var writer = new OutcomeHistoryBundle(history, sources, now);
        writer.Write();
        return writer._bundle;
    }

    private string PayerUrl => _ids.Urn("Organization", "payer");
    private string PatientUrl => _ids.Urn("Patient", "member");
    private string CoverageUrl => _ids.Urn("Coverage", "coverage");
    private string ConditionUrl => _ids.Urn("Condition", "condition");
    private string CarePlanUrl => _ids.Urn("CarePlan", "plan-of-care");
    private string GoalUrl(Guid goalId) => _ids.Urn("Goal", goalId.ToString());
    private string ExerciseUrl(Guid exerciseId) => _ids.Urn("ServiceRequest", exerciseId.ToString());
    private string EncounterUrl(Guid sessionId) => _ids.Urn("Encounter", sessionId.ToString());
    private static ResourceReference Ref(string fullUrl) => new(fullUrl);
    private ResourceReference Subject => Ref(PatientUrl);

    private void Add(string fullUrl, Resource resource) => _bundle.Entry.Add(new Bundle.EntryComponent { FullUrl = fullUrl, Resource = resource });

    /// <summary>The program as it stands, ended exercises included; changes entered in error are not folded in.</summary>
    private IReadOnlyList<ProgramExercise> Exercises => _exercises ??= _sources.Episode.Program;
    private IReadOnlyList<ProgramExercise>? _exercises;

    private IReadOnlyList<Session> AttendedSessions => _attended ??=
        [.. _sources.Sessions.Sessions.Where(s => !s.EnteredInError && s.Attendance == Attendance.Attended).OrderBy(s => s.Date)];
    private IReadOnlyList<Session>? _attended;

    private void Write()
    {
        var coverage = _history.Coverage;
        Add(PayerUrl, new Organization
        {
            Identifier = [new Identifier(FhirSystems.Payers, coverage.PayerId)],
            Name = coverage.PayerName,
        });
        Add(PatientUrl, new Patient
        {
            // Member id and year of birth are all a payer needs to match its member (minimum necessary).
            Identifier = [new Identifier(FhirSystems.MemberIds(coverage.PayerId), coverage.MemberId) { Assigner = Ref(PayerUrl) }],
            BirthDate = _history.Member.BirthYear.ToString("D4", CultureInfo.InvariantCulture),
        });
        Add(CoverageUrl, new FhirCoverage
        {
            Status = FinancialResourceStatusCodes.Active,
            SubscriberId = coverage.MemberId,
            Beneficiary = Subject,
            Payor = [Ref(PayerUrl)],
        });
        Add(ConditionUrl, new FhirCondition
        {
            Category = [new CodeableConcept(FhirSystems.ConditionCategory, "encounter-diagnosis", "Encounter Diagnosis", null)],
            Code = new CodeableConcept(FhirSystems.Icd10Cm, _history.Condition.Icd10Code, _history.Condition.Description, _history.Condition.Description),
            BodySite = [new CodeableConcept { Text = _history.Condition.BodyRegion }],
            Subject = Subject,
        });
        WriteCarePlan();
        WriteGoals();
        WriteExercises();
        WriteObservations();
        WriteAdherence();
        WriteEncounters();
        WriteProvenance();
    }

    private void WriteCarePlan()
    {
        var plan = new CarePlan
        {
            Status = _history.Discharge is null ? RequestStatus.Active : RequestStatus.Completed,
            Intent = CarePlan.CarePlanIntent.Plan,
            Subject = Subject,
            Period = new Period(Date(_history.StartedOn), _history.Discharge is { } d ? Date(d.DischargedOn) : null),
            Addresses = [Ref(ConditionUrl)],
            Goal = [.. _history.Goals.Select(g => Ref(GoalUrl(g.Goal.Id)))],
            Activity = [.. Exercises.Select(x => new CarePlan.ActivityComponent { Reference = Ref(ExerciseUrl(x.Id)) })],
        };
        foreach (var period in _history.Certifications)
            plan.Extension.Add(new Extension(FhirSystems.CertificationExtension, new Period(Date(period.Start), Date(period.End))));
        Add(CarePlanUrl, plan);
    }

    private void WriteGoals()
    {
        foreach (var evaluation in _history.Goals)
        {
            var goal = evaluation.Goal;
            var resource = new FhirGoal
            {
                LifecycleStatus = evaluation.Status switch
                {
                    GoalStatus.Achieved or GoalStatus.PartlyAchieved => FhirGoal.GoalLifecycleStatus.Completed,
                    GoalStatus.Discontinued => FhirGoal.GoalLifecycleStatus.Cancelled,
                    _ => FhirGoal.GoalLifecycleStatus.Active,
                },
                AchievementStatus = AchievementOf(evaluation.Status),
                Description = new CodeableConcept { Text = goal.Description },
                Subject = Subject,
                Start = CalendarDate(goal.EffectiveOn),
                StatusDate = Day(evaluation.StatusSince),
                Addresses = [Ref(ConditionUrl)],
            };
            var measure = goal.MeasureCode is { } code ? OutcomeMeasureCatalog.Get(code) : null;
            if (measure is not null || goal.TargetDate is not null)
            {
                resource.Target.Add(new FhirGoal.TargetComponent
                {
                    Measure = measure is null ? null : MeasureCodings.Concept(measure),
                    Detail = measure is not null && goal.Target is { } target ? MeasureCodings.Quantity(measure, target) : null,
                    Due = goal.TargetDate is { } due ? CalendarDate(due) : null,
                });
            }
            Add(GoalUrl(goal.Id), resource);
        }
    }

    /// <summary>FHIR's goal-achievement codes have no "partly": a partly achieved goal was not achieved, and says so in text.</summary>
    private static CodeableConcept AchievementOf(GoalStatus status) => status switch
    {
        GoalStatus.Achieved => new CodeableConcept(FhirSystems.GoalAchievement, "achieved", "Achieved", "Achieved"),
        GoalStatus.PartlyAchieved => new CodeableConcept(FhirSystems.GoalAchievement, "not-achieved", "Not Achieved", "Partly achieved"),
        GoalStatus.Discontinued => new CodeableConcept(FhirSystems.GoalAchievement, "not-achieved", "Not Achieved", "Discontinued"),
        _ => new CodeableConcept(FhirSystems.GoalAchievement, "in-progress", "In Progress", "In progress"),
    };

    private void WriteExercises()
    {
        foreach (var exercise in Exercises)
        {
            var ended = exercise.EndedOn ?? _history.Discharge?.DischargedOn;
            var request = new ServiceRequest
            {
                Status = exercise.Status != ExerciseStatus.Active ? RequestStatus.Revoked
                    : _history.Discharge is null ? RequestStatus.Active : RequestStatus.Completed,
                Intent = RequestIntent.Order,
                // The exercise's name is the order's text; instructions and precautions are free text and stay out.
                Code = new CodeableConcept { Coding = [FhirSystems.ExerciseTherapy], Text = exercise.Name },
                Subject = Subject,
                AuthoredOn = Day(exercise.PrescribedOn),
                ReasonReference = [Ref(ConditionUrl)],
                Occurrence = new Timing
                {
                    Repeat = new Timing.RepeatComponent
                    {
                        Bounds = new Period(Date(exercise.PrescribedOn), ended is { } end ? Date(end) : null),
                        Frequency = exercise.Dosage.FrequencyPerWeek,
                        Period = 1,
                        PeriodUnit = Timing.UnitsOfTime.Wk,
                    },
                },
            };
            request.Extension.Add(DosageExtension(exercise));
            Add(ExerciseUrl(exercise.Id), request);
        }
    }

    /// <summary>The dosage a Timing cannot hold (sets, repetitions, hold, load or band, duration, target RPE, setting), as it stands last.</summary>
    private static Extension DosageExtension(ProgramExercise exercise)
    {
        var d = exercise.Dosage;
        var extension = new Extension { Url = FhirSystems.DosageExtension };
        void Part(string name, DataType? value)
        {
            if (value is not null) extension.Extension.Add(new Extension(name, value));
        }
        Part("category", new Code(Kebab(exercise.Category.ToString())));
        Part("setting", new Code(Kebab(d.Setting.ToString())));
        Part("sets", new Integer(d.Sets));
        Part("repetitions", d.Repetitions is { } reps ? new Integer(reps) : null);
        Part("hold", d.HoldSeconds is { } hold ? new Quantity(hold, "s") { Code = "s", Unit = "s" } : null);
        Part("load", d.Load is { } load ? LoadQuantity(load, d.LoadUnit) : null);
        Part("band", d.Band is { } band ? new Code(Kebab(band.ToString())) : null);
        Part("duration", d.DurationMinutes is { } minutes ? new Quantity(minutes, "min") { Code = "min", Unit = "min" } : null);
        Part("targetRpe", d.TargetRpe is { } rpe ? new Integer(rpe) : null);
        return extension;
    }

    private static Quantity LoadQuantity(decimal load, LoadUnit? unit) => unit == LoadUnit.Lb
        ? new Quantity { Value = load, Unit = "lb", System = FhirSystems.Ucum, Code = "[lb_av]" }
        : new Quantity { Value = load, Unit = "kg", System = FhirSystems.Ucum, Code = "kg" };

    private static string Kebab(string pascal) =>
        string.Concat(pascal.Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    /// <summary>A day where FHIR wants a dateTime (periods, effective times): the date alone, a valid partial dateTime.</summary>
    internal static FhirDateTime Date(DateOnly day) => new(Day(day));

    /// <summary>A day where FHIR wants a date.</summary>
    internal static Hl7.Fhir.Model.Date CalendarDate(DateOnly day) => new(Day(day));

    internal static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
