namespace RehabLedger.Outcomes;

/// <summary>
/// The outcome measures RehabLedger accepts, with ranges, direction of improvement and the default MCID
/// it applies (one threshold per measure, see docs/02-event-catalog.md, Verdict rules).
/// Kept as data in code: it changes with clinical literature, not with each clinic's records.
/// </summary>
public static class OutcomeMeasureCatalog
{
    public const string Nprs = "NPRS";
    public const string Rom = "ROM";
    public const string Mmt = "MMT";

    public static IReadOnlyList<OutcomeMeasure> All { get; } =
    [
        new(Nprs, "Numeric Pain Rating Scale", MeasureKind.Score, 0, 10, "points", ImprovementDirection.LowerIsBetter,
            new(2m, "Farrar 2001, Pain 94:149 (2 points or 30%)")),
        new("LEFS", "Lower Extremity Functional Scale", MeasureKind.Score, 0, 80, "points", ImprovementDirection.HigherIsBetter,
            new(9m, "Binkley 1999, Phys Ther 79:371")),
        new("ODI", "Oswestry Disability Index", MeasureKind.Score, 0, 100, "%", ImprovementDirection.LowerIsBetter,
            new(12m, "JOSPT 2014;44(8):560 summary")),
        new("DASH", "Disabilities of the Arm, Shoulder and Hand", MeasureKind.Score, 0, 100, "points", ImprovementDirection.LowerIsBetter,
            new(10m, "Common threshold; Franchignoni 2014, JOSPT 44:30, selects 10.83")),
        new("QuickDASH", "QuickDASH", MeasureKind.Score, 0, 100, "points", ImprovementDirection.LowerIsBetter,
            new(14m, "Common threshold; Franchignoni 2014 selects 15.91; Rysstad 2020, BMC Musculoskelet Disord 21:328, 10.8-13.6 in shoulder pain")),
        new("KOOSJR", "KOOS JR (interval score)", MeasureKind.Score, 0, 100, "points", ImprovementDirection.HigherIsBetter,
            new(15.1m, "Median across methods (range 3.98-40.67)")),
        new("BBS", "Berg Balance Scale", MeasureKind.Score, 0, 56, "points", ImprovementDirection.HigherIsBetter,
            new(6m, "Detectable change 6 points; MCID 6.5-12.5 in acute stroke")),
        new("TUG", "Timed Up and Go", MeasureKind.Score, 0, null, "s", ImprovementDirection.LowerIsBetter,
            new(1.1m, "Detectable change 1.1 s in knee osteoarthritis")),
        new("6MWT", "Six-Minute Walk Test", MeasureKind.Score, 0, null, "m", ImprovementDirection.HigherIsBetter,
            new(50m, "Perera 2006 (about 50 m substantial, about 20 m small)")),
        new("PSFS", "Patient-Specific Functional Scale", MeasureKind.Score, 0, 10, "points", ImprovementDirection.HigherIsBetter,
            new(2m, "Average 2 points (1.3 small, 2.7 large)"), "Mean score across the patient's activities, each 0-10."),
        new("NDI", "Neck Disability Index", MeasureKind.Score, 0, 50, "points", ImprovementDirection.LowerIsBetter,
            new(7.5m, "Young 2009, Spine J (detectable change 10.2)")),
        // Negative degrees record an extension deficit or hyperextension; no joint moves beyond 180 degrees.
        new(Rom, "Goniometric range of motion", MeasureKind.RangeOfMotion, -45, 180, "degrees", ImprovementDirection.TaskSpecific,
            null, "Per joint, motion and side; detectable change about 5 degrees test-retest, about 10 between raters."),
        new(Mmt, "Manual muscle test", MeasureKind.MuscleTest, 0, 5, "grade", ImprovementDirection.HigherIsBetter,
            null, "Ordinal grade per muscle group and side."),
    ];

    private static readonly Dictionary<string, OutcomeMeasure> ByCode =
        All.ToDictionary(m => m.Code, StringComparer.OrdinalIgnoreCase);

    public static OutcomeMeasure? Find(string code) => ByCode.GetValueOrDefault(code);

    public static OutcomeMeasure Get(string code) =>
        Find(code) ?? throw new KeyNotFoundException($"Outcome measure {code} is not in the catalog.");
}
