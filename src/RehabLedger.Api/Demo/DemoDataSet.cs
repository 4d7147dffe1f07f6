using RehabLedger.Clinics;
using RehabLedger.Common;
using RehabLedger.Episodes;
using RehabLedger.Patients;

namespace RehabLedger.Demo;

/// <summary>
/// The demo clinic: two therapists and six patients, dated relative to today so the caseload looks the same on any
/// day it is seeded. Each patient's history is a script in its own file (DemoDataSet.&lt;Given&gt;.cs); the
/// <see cref="DemoPatient.Shows"/> line says what the episode is there to show.
/// </summary>
public static partial class DemoDataSet
{
    public static readonly Guid ClinicId = Guid.Parse("c0000000-0000-4000-8000-000000000001");
    public static readonly Guid DanaId = Guid.Parse("70000000-0000-4000-8000-000000000001");
    public static readonly Guid MarcusId = Guid.Parse("70000000-0000-4000-8000-000000000002");

    /// <param name="Number">Numbers the patient, the episode and every entry id (see <see cref="DemoIds"/>).</param>
    /// <param name="History">Writes the episode's history after it is opened.</param>
    public sealed record DemoPatient(
        int Number, string Family, string Given, DateOnly BirthDate, AdministrativeSex Sex, Guid TherapistId,
        Condition Condition, Coverage Coverage, int StartedDaysAgo, string Shows, Action<EpisodeScript> History)
    {
        public Guid PatientId => DemoIds.Patient(Number);
        public Guid EpisodeId => DemoIds.Episode(Number);
    }

    public static readonly IReadOnlyList<DemoPatient> Patients =
    [
        new(1, "Alvarez", "Maria", new(1958, 4, 12), AdministrativeSex.Female, DanaId,
            new("M17.11", "Unilateral primary osteoarthritis, right knee", "knee"), new("aetna", "Aetna", "AET-204-5531"), 45,
            "improving; 11 attended sessions since her last progress report: progress report due", Maria),
        new(2, "Okafor", "James", new(1979, 9, 3), AdministrativeSex.Male, DanaId,
            new("M54.50", "Low back pain, unspecified", "lumbar spine"), new("bcbs", "Blue Cross Blue Shield", "BCB-88-10342"), 38,
            "steady progress, nothing due: no flag; one duplicate session marked entered in error", James),
        new(3, "Chen", "Li", new(1966, 1, 27), AdministrativeSex.Female, MarcusId,
            new("M75.101", "Rotator cuff tear, right shoulder, not specified as traumatic", "shoulder"), new("medicare", "Medicare", "1EG4-TE5-MK73"), 36,
            "improving; plan-of-care certification ends in 5 days", Li),
        new(4, "Novak", "Peter", new(1995, 6, 18), AdministrativeSex.Male, MarcusId,
            new("S93.401A", "Sprain of unspecified ligament of right ankle, initial encounter", "ankle"), new("cigna", "Cigna", "CIG-5521-007"), 35,
            "stopped coming: initial evaluation 35 days ago (re-assessment due), no attendance for 16 days", Peter),
        new(5, "Haddad", "Samira", new(1984, 11, 2), AdministrativeSex.Female, DanaId,
            new("M54.2", "Cervicalgia", "cervical spine"), new("aetna", "Aetna", "AET-311-0917"), 28,
            "getting worse: pain rising over her last three sessions, mild adverse event 2 days ago", Samira),
        new(6, "Walsh", "Eileen", new(1948, 7, 30), AdministrativeSex.Female, MarcusId,
            new("Z47.1", "Aftercare following joint replacement surgery (right total hip)", "hip"), new("medicare", "Medicare", "3KT7-WQ2-HN18"), 63,
            "discharged 6 days ago with every goal met and a discharge assessment", Eileen),
    ];

    /// <summary>The clinic and its therapists, written before any patient.</summary>
    public static IEnumerable<object> ClinicCommands()
    {
        var by = ActorRef.DemoSeeder;
        yield return new RegisterClinic(ClinicId, "Riverside Physical Therapy", by);
        yield return new RegisterTherapist(DanaId, ClinicId, "Dana Whitfield", "PT", "PT-48213", by);
        yield return new RegisterTherapist(MarcusId, ClinicId, "Marcus Oyelaran", "PT", "PT-51877", by);
    }

    /// <summary>
    /// One patient's commands, in order: registration, the episode's opening, then its history as
    /// <see cref="EpisodeCommand"/>s.
    /// </summary>
    public static IEnumerable<object> PatientCommands(DemoPatient p, DateOnly today)
    {
        var by = ActorRef.DemoSeeder;
        yield return new RegisterPatient(p.PatientId, ClinicId, p.Family, p.Given, p.BirthDate, p.Sex, null, by);
        yield return new OpenEpisode(p.EpisodeId, p.PatientId, ClinicId, p.TherapistId, p.Condition, "Primary care physician", p.Coverage,
            today.AddDays(-p.StartedDaysAgo), by);
        var script = new EpisodeScript(p.Number, p.TherapistId, today);
        p.History(script);
        foreach (var command in script.Commands) yield return command;
    }

    private static MeasureResult M(string code, decimal value) => new(code, value);

    private static RangeOfMotionResult Rom(string joint, string motion, BodySide side, decimal degrees) => new(joint, motion, side, true, degrees);

    private static MuscleTestResult Mmt(string muscleGroup, BodySide side, decimal grade) => new(muscleGroup, side, grade);
}
