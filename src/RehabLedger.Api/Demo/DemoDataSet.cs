using RehabLedger.Clinics;
using RehabLedger.Common;
using RehabLedger.Episodes;
using RehabLedger.Patients;

namespace RehabLedger.Demo;

/// <summary>The demo records, dated relative to today so they always look current.</summary>
public static class DemoDataSet
{
    public static readonly Guid ClinicId = Guid.Parse("c0000000-0000-4000-8000-000000000001");
    public static readonly Guid DanaId = Guid.Parse("70000000-0000-4000-8000-000000000001");
    public static readonly Guid MarcusId = Guid.Parse("70000000-0000-4000-8000-000000000002");

    public sealed record DemoPatient(
        Guid PatientId, Guid EpisodeId, string Family, string Given, DateOnly BirthDate, AdministrativeSex Sex,
        Guid TherapistId, Condition Condition, Coverage Coverage, int StartedDaysAgo,
        MeasureResult[] Initial, MeasureResult[] Latest, int ReassessedDaysAgo);

    public static readonly IReadOnlyList<DemoPatient> Patients =
    [
        new(P(1), E(1), "Alvarez", "Maria", new(1958, 4, 12), AdministrativeSex.Female, DanaId,
            new("M17.11", "Unilateral primary osteoarthritis, right knee", "knee"), new("aetna", "Aetna", "AET-204-5531"), 45,
            [new("LEFS", 38), new("NPRS", 7), new("KOOSJR", 52.5m)], [new("LEFS", 51), new("NPRS", 4), new("KOOSJR", 64.2m)], 10),
        new(P(2), E(2), "Okafor", "James", new(1979, 9, 3), AdministrativeSex.Male, DanaId,
            new("M54.50", "Low back pain, unspecified", "lumbar spine"), new("bcbs", "Blue Cross Blue Shield", "BCB-88-10342"), 38,
            [new("ODI", 42), new("NPRS", 6)], [new("ODI", 34), new("NPRS", 5)], 8),
        new(P(3), E(3), "Chen", "Li", new(1966, 1, 27), AdministrativeSex.Female, MarcusId,
            new("M75.101", "Rotator cuff tear, right shoulder, not specified as traumatic", "shoulder"), new("medicare", "Medicare", "1EG4-TE5-MK73"), 33,
            [new("QuickDASH", 56.8m), new("NPRS", 6)], [new("QuickDASH", 40.9m), new("NPRS", 3)], 5),
        new(P(4), E(4), "Novak", "Peter", new(1995, 6, 18), AdministrativeSex.Male, MarcusId,
            new("S93.401A", "Sprain of unspecified ligament of right ankle, initial encounter", "ankle"), new("cigna", "Cigna", "CIG-5521-007"), 21,
            [new("LEFS", 44), new("NPRS", 5)], [], 0),
        new(P(5), E(5), "Haddad", "Samira", new(1984, 11, 2), AdministrativeSex.Female, DanaId,
            new("M54.2", "Cervicalgia", "cervical spine"), new("aetna", "Aetna", "AET-311-0917"), 28,
            [new("NDI", 22), new("NPRS", 6)], [new("NDI", 24), new("NPRS", 7)], 3),
    ];

    /// <summary>The commands that write the data set, in order.</summary>
    public static IEnumerable<object> Commands(DateOnly today)
    {
        var by = ActorRef.DemoSeeder;
        yield return new RegisterClinic(ClinicId, "Riverside Physical Therapy", by);
        yield return new RegisterTherapist(DanaId, ClinicId, "Dana Whitfield", "PT", "PT-48213", by);
        yield return new RegisterTherapist(MarcusId, ClinicId, "Marcus Oyelaran", "PT", "PT-51877", by);

        foreach (var p in Patients)
        {
            var start = today.AddDays(-p.StartedDaysAgo);
            yield return new RegisterPatient(p.PatientId, ClinicId, p.Family, p.Given, p.BirthDate, p.Sex, null, by);
            yield return new OpenEpisode(p.EpisodeId, p.PatientId, ClinicId, p.TherapistId, p.Condition, "Primary care physician", p.Coverage, start, by);
            yield return new RecordAssessment(p.EpisodeId, 0, Guid.CreateVersion7(), AssessmentKind.Initial, start, p.TherapistId,
                p.Initial, [], [], $"Initial evaluation of {p.Condition.BodyRegion}.", by);
            if (p.Latest.Length > 0)
                yield return new RecordAssessment(p.EpisodeId, 0, Guid.CreateVersion7(), AssessmentKind.ReAssessment,
                    today.AddDays(-p.ReassessedDaysAgo), p.TherapistId, p.Latest, [], [], "Re-assessment.", by);
        }
    }

    private static Guid P(int n) => Guid.Parse($"a0000000-0000-4000-8000-00000000000{n}");
    private static Guid E(int n) => Guid.Parse($"e0000000-0000-4000-8000-00000000000{n}");
}
