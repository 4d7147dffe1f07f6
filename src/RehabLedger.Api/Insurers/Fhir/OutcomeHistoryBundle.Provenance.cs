using Hl7.Fhir.Model;
using JasperFx.Events;
using RehabLedger.Common;
using RehabLedger.Episodes;
using RehabLedger.Goals;
using RehabLedger.PlanOfCare;
using RehabLedger.Programs;
using RehabLedger.Sessions;

namespace RehabLedger.Insurers.Fhir;

// Who recorded what: one Provenance per event behind an exported resource, with the event's effective day
// (occurred) and the time the store recorded it (recorded). Entries entered in error were not exported, so the
// events that wrote them get no Provenance either.
public sealed partial class OutcomeHistoryBundle
{
    private const string Create = "CREATE";
    private const string Update = "UPDATE";

    private void WriteProvenance()
    {
        var goals = _history.Goals.Select(g => g.Goal.Id).ToHashSet();
        var exercises = Exercises.Select(x => x.Id).ToHashSet();
        var standingChanges = _sources.Episode.StandingProgramChanges.Select(c => c.ChangeId).ToHashSet();
        var standingCertifications = _sources.Episode.StandingCertifications.Select(c => c.Id).ToHashSet();
        var encounters = AttendedSessions.Select(s => s.Id).ToHashSet();

        foreach (var e in _sources.Events)
        {
            switch (e.Data)
            {
                case EpisodeOpened x:
                    Provenance(e, "opened", x.EffectiveOn, x.By, Create, ConditionUrl, CoverageUrl, CarePlanUrl);
                    break;
                case AssessmentRecorded x when _observationsByAssessment.TryGetValue(x.AssessmentId, out var observations) && observations.Count > 0:
                    Provenance(e, "assessed", x.EffectiveOn, x.By, Create, [.. observations]);
                    break;
                case PlanOfCareCertified x when standingCertifications.Contains(x.CertificationId):
                    Provenance(e, "certified", x.EffectiveOn, x.By, Update, CarePlanUrl);
                    break;
                case EpisodeDischarged x:
                    Provenance(e, "discharged", x.EffectiveOn, x.By, Update, CarePlanUrl);
                    break;
                case GoalSet x when goals.Contains(x.GoalId):
                    Provenance(e, "goal", x.EffectiveOn, x.By, Create, GoalUrl(x.GoalId));
                    break;
                case GoalRevised x when goals.Contains(x.GoalId):
                    Provenance(e, "goal", x.EffectiveOn, x.By, Update, GoalUrl(x.GoalId));
                    break;
                case GoalStatusSet x when goals.Contains(x.GoalId):
                    Provenance(e, "goal", x.EffectiveOn, x.By, Update, GoalUrl(x.GoalId));
                    break;
                case ExercisePrescribed x when standingChanges.Contains(x.ChangeId) && exercises.Contains(x.ExerciseId):
                    Provenance(e, "exercise", x.EffectiveOn, x.By, Create, ExerciseUrl(x.ExerciseId));
                    break;
                case ExerciseDosageAdjusted x when standingChanges.Contains(x.ChangeId) && exercises.Contains(x.ExerciseId):
                    Provenance(e, "exercise", x.EffectiveOn, x.By, Update, ExerciseUrl(x.ExerciseId));
                    break;
                case ExerciseDiscontinued x when standingChanges.Contains(x.ChangeId) && exercises.Contains(x.ExerciseId):
                    Provenance(e, "exercise", x.EffectiveOn, x.By, Update, ExerciseUrl(x.ExerciseId));
                    break;
                case ExerciseSubstituted x when standingChanges.Contains(x.ChangeId) && exercises.Contains(x.ExerciseId):
                    Provenance(e, "exercise", x.EffectiveOn, x.By, Update, ExerciseUrl(x.ExerciseId));
                    if (exercises.Contains(x.ReplacementExerciseId))
                        Provenance(e, "replacement", x.EffectiveOn, x.By, Create, ExerciseUrl(x.ReplacementExerciseId));
                    break;
                case SessionRecorded x when encounters.Contains(x.SessionId):
                    Provenance(e, "session", x.Date, x.By, Create, EncounterUrl(x.SessionId));
                    break;
            }
        }
    }

    /// <summary>
    /// The agent is the actor's id and role. Display names are left out: a payer weighing outcomes needs to know an
    /// entry was made by a clinician in a role, and the id lets the clinic answer any question about a given entry;
    /// the person's name adds nothing to that (minimum necessary).
    /// </summary>
    private void Provenance(IEvent e, string key, DateOnly effectiveOn, ActorRef by, string activity, params string[] targets)
    {
        Add(_ids.Urn("Provenance", $"{e.Version}/{key}"), new Provenance
        {
            Target = [.. targets.Select(Ref)],
            Occurred = Date(effectiveOn),
            Recorded = e.Timestamp,
            Activity = new CodeableConcept(FhirSystems.DataOperation, activity, activity == Create ? "create" : "revise", null),
            Agent =
            [
                new Provenance.AgentComponent
                {
                    Type = new CodeableConcept(FhirSystems.ProvenanceParticipantType, "author", "Author", null),
                    Role = [new CodeableConcept { Text = by.Role }],
                    Who = new ResourceReference { Identifier = new Identifier(FhirSystems.Actors, by.Id) },
                },
            ],
        });
    }
}
