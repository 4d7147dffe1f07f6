using Hl7.Fhir.Model;
using RehabLedger.Outcomes;

namespace RehabLedger.Insurers.Fhir;

/// <summary>
/// The code systems and identifier systems the export uses. RehabLedger's own are URNs: they name RehabLedger's
/// catalog and identifiers without claiming a web address.
/// </summary>
public static class FhirSystems
{
    public const string Loinc = "http://loinc.org";
    public const string Snomed = "http://snomed.info/sct";
    public const string Icd10Cm = "http://hl7.org/fhir/sid/icd-10-cm";
    public const string Ucum = "http://unitsofmeasure.org";
    public const string ActCode = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
    public const string ObservationCategory = "http://terminology.hl7.org/CodeSystem/observation-category";
    public const string ConditionCategory = "http://terminology.hl7.org/CodeSystem/condition-category";
    public const string GoalAchievement = "http://terminology.hl7.org/CodeSystem/goal-achievement";
    public const string ProvenanceParticipantType = "http://terminology.hl7.org/CodeSystem/provenance-participant-type";
    public const string DataOperation = "http://terminology.hl7.org/CodeSystem/v3-DataOperation";

    /// <summary>RehabLedger's outcome measure catalog (codes as in <see cref="OutcomeMeasureCatalog"/>) and derived figures.</summary>
    public const string OutcomeMeasures = "urn:rehabledger:fhir:CodeSystem:outcome-measure";
    public const string Payers = "urn:rehabledger:fhir:NamingSystem:payer";
    public const string Actors = "urn:rehabledger:fhir:NamingSystem:actor";
    public const string DosageExtension = "urn:rehabledger:fhir:StructureDefinition:exercise-dosage";
    public const string CertificationExtension = "urn:rehabledger:fhir:StructureDefinition:plan-of-care-certification";

    /// <summary>A payer's member ids: one identifier system per payer, so the member id reads as that payer's.</summary>
    public static string MemberIds(string payerId) => $"{Payers}:{Uri.EscapeDataString(payerId)}:member-id";

    /// <summary>SNOMED CT 229065009 |Exercise therapy (regime/therapy)|: the order every exercise is.</summary>
    public static readonly Coding ExerciseTherapy = new(Snomed, "229065009", "Exercise therapy");
}

/// <summary>How one catalog measure is coded in FHIR: its LOINC code where one exists, its category and UCUM unit.</summary>
public sealed record MeasureCoding(string? Loinc, string? LoincDisplay, string Category, string UcumUnit);

/// <summary>
/// LOINC codes of the catalog's measures, each checked against a published source (docs/06-insurers.md lists them).
/// A measure without a verified LOINC code is sent with RehabLedger's catalog code only; every measure carries
/// that code as well, so a receiver can always tell exactly which catalog entry was recorded.
/// </summary>
public static class MeasureCodings
{
    private const string Survey = "survey";
    private const string Exam = "exam";

    private static readonly Dictionary<string, MeasureCoding> ByCode = new(StringComparer.OrdinalIgnoreCase)
    {
        [OutcomeMeasureCatalog.Nprs] = new("72514-3", "Pain severity - 0-10 verbal numeric rating [Score] - Reported", Survey, "{score}"),
        ["LEFS"] = new(null, null, Survey, "{score}"),
        ["ODI"] = new("97909-6", "Oswestry disability index score ODI", Survey, "%"),
        ["DASH"] = new(null, null, Survey, "{score}"),
        ["QuickDASH"] = new(null, null, Survey, "{score}"),
        ["KOOSJR"] = new("82332-8", "Total interval score [KOOSJR]", Survey, "{score}"),
        ["BBS"] = new(null, null, Exam, "{score}"),
        ["TUG"] = new("89423-8", "Time to rise from chair, walk 10 feet and back, and return to sitting [TUG]", Exam, "s"),
        ["6MWT"] = new("64098-7", null, Exam, "m"),
        ["PSFS"] = new(null, null, Survey, "{score}"),
        ["NDI"] = new("82237-9", "Total score [NDI]", Survey, "{score}"),
        [OutcomeMeasureCatalog.Rom] = new(null, null, Exam, "deg"),
        [OutcomeMeasureCatalog.Mmt] = new(null, null, Exam, "{grade}"),
    };

    public static MeasureCoding Of(string code) =>
        ByCode.GetValueOrDefault(code) ?? throw new KeyNotFoundException($"Outcome measure {code} has no FHIR coding.");

    /// <summary>The measure as a concept: LOINC first where it has a code, RehabLedger's catalog code always.</summary>
    public static CodeableConcept Concept(OutcomeMeasure measure, string? text = null)
    {
        var coding = Of(measure.Code);
        var concept = new CodeableConcept { Text = text ?? measure.Name };
        if (coding.Loinc is not null) concept.Coding.Add(new Coding(FhirSystems.Loinc, coding.Loinc, coding.LoincDisplay));
        concept.Coding.Add(new Coding(FhirSystems.OutcomeMeasures, measure.Code, measure.Name));
        return concept;
    }

    public static Quantity Quantity(OutcomeMeasure measure, decimal value) =>
        new() { Value = value, Unit = measure.Unit, System = FhirSystems.Ucum, Code = Of(measure.Code).UcumUnit };

    public static CodeableConcept Category(OutcomeMeasure measure) =>
        new(FhirSystems.ObservationCategory, Of(measure.Code).Category, Of(measure.Code).Category == Exam ? "Exam" : "Survey", null);
}
