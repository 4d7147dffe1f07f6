using Hl7.Fhir.Model;
using RehabLedger.Outcomes;

namespace RehabLedger.Insurers.Fhir;

// Measured values (one Observation per value an assessment recorded), weekly home adherence, and attended sessions.
public sealed partial class OutcomeHistoryBundle
{
    /// <summary>The Observations each standing assessment produced, by assessment id, for the Provenance that targets them.</summary>
    private readonly Dictionary<Guid, List<string>> _observationsByAssessment = [];

    private void WriteObservations()
    {
        var rom = OutcomeMeasureCatalog.Get(OutcomeMeasureCatalog.Rom);
        var mmt = OutcomeMeasureCatalog.Get(OutcomeMeasureCatalog.Mmt);
        foreach (var assessment in _sources.Episode.StandingAssessments.OrderBy(a => a.EffectiveOn))
        {
            var urls = _observationsByAssessment[assessment.Id] = [];
            void Observe(string key, OutcomeMeasure measure, decimal value, string? text = null, string? bodySite = null)
            {
                var url = _ids.Urn("Observation", $"{assessment.Id}/{key}");
                Add(url, new Observation
                {
                    Status = ObservationStatus.Final,
                    Category = [MeasureCodings.Category(measure)],
                    Code = MeasureCodings.Concept(measure, text),
                    Subject = Subject,
                    Effective = Date(assessment.EffectiveOn),
                    Value = MeasureCodings.Quantity(measure, value),
                    BodySite = bodySite is null ? null : new CodeableConcept { Text = bodySite },
                });
                urls.Add(url);
            }

            for (var i = 0; i < assessment.Measures.Count; i++)
                Observe($"measure/{i}", OutcomeMeasureCatalog.Get(assessment.Measures[i].Code), assessment.Measures[i].Value);
            for (var i = 0; i < assessment.RangeOfMotion.Count; i++)
            {
                var r = assessment.RangeOfMotion[i];
                Observe($"rom/{i}", rom, r.Degrees, $"{rom.Name}: {r.Joint} {r.Motion}, {r.Side}, {(r.Active ? "active" : "passive")}", r.Joint);
            }
            for (var i = 0; i < assessment.MuscleTests.Count; i++)
            {
                var t = assessment.MuscleTests[i];
                Observe($"mmt/{i}", mmt, t.Grade, $"{mmt.Name}: {t.MuscleGroup}, {t.Side}", t.MuscleGroup);
            }
        }
    }

    /// <summary>Weekly home adherence, derived (so no Provenance): done / prescribed as a percentage, both counts as components.</summary>
    private void WriteAdherence()
    {
        foreach (var week in _history.HomeAdherence)
        {
            var observation = new Observation
            {
                Status = ObservationStatus.Final,
                Category = [new CodeableConcept(FhirSystems.ObservationCategory, "therapy", "Therapy", null)],
                Code = new CodeableConcept(FhirSystems.OutcomeMeasures, "HOME_ADHERENCE", "Home-program adherence per week", "Home-program adherence per week"),
                Subject = Subject,
                Effective = new Period(Date(week.WeekStart), Date(week.WeekStart.AddDays(6))),
                Value = week.Percent is { } percent ? new Quantity { Value = percent, Unit = "%", System = FhirSystems.Ucum, Code = "%" } : null,
                Component =
                [
                    Count("HOME_PRESCRIBED", "Completions prescribed", week.Prescribed),
                    Count("HOME_DONE", "Completions logged", week.Done),
                ],
            };
            Add(_ids.Urn("Observation", $"adherence/{Day(week.WeekStart)}"), observation);
        }
    }

    private static Observation.ComponentComponent Count(string code, string display, int value) => new()
    {
        Code = new CodeableConcept(FhirSystems.OutcomeMeasures, code, display, display),
        Value = new Quantity { Value = value, Unit = "completions", System = FhirSystems.Ucum, Code = "{count}" },
    };

    /// <summary>One finished ambulatory Encounter per attended session: its day and minutes, nothing said during it.</summary>
    private void WriteEncounters()
    {
        foreach (var session in AttendedSessions)
        {
            Add(EncounterUrl(session.Id), new Encounter
            {
                Status = Encounter.EncounterStatus.Finished,
                Class = new Coding(FhirSystems.ActCode, "AMB", "ambulatory"),
                Subject = Subject,
                Period = new Period(Date(session.Date), Date(session.Date)),
                Length = new Duration { Value = session.Minutes, Unit = "min", System = FhirSystems.Ucum, Code = "min" },
                ReasonReference = [Ref(ConditionUrl)],
            });
        }
    }
}
