using JasperFx.Events;
using Marten.Events.Aggregation;
using RehabLedger.Corrections;
using RehabLedger.Episodes;
using RehabLedger.Goals;
using RehabLedger.Programs;
using RehabLedger.Sessions;

namespace RehabLedger.Progress;

/// <summary>
/// Inline: a mutation that records a session or an assessment answers with the progress that includes it, and a
/// clinician looking at one patient must not see yesterday's numbers. The work per event is a list append.
/// </summary>
public sealed partial class EpisodeProgressProjection : SingleStreamProjection<EpisodeProgress, Guid>
{
    public EpisodeProgressProjection()
    {
        IncludeType<EpisodeOpened>();
        IncludeType<AssessmentRecorded>();
        IncludeType<EpisodeDischarged>();
        IncludeType<GoalSet>();
        IncludeType<GoalRevised>();
        IncludeType<GoalStatusSet>();
        IncludeType<SessionRecorded>();
        IncludeType<HomeExerciseLogged>();
        IncludeType<ExercisePrescribed>();
        IncludeType<ExerciseDosageAdjusted>();
        IncludeType<ExerciseSubstituted>();
        IncludeType<ExerciseDiscontinued>();
        IncludeType<EntryEnteredInError>();
    }

    public override EpisodeProgress Evolve(EpisodeProgress? progress, Guid id, IEvent e)
    {
        progress ??= new EpisodeProgress { Id = id };
        progress.Version = e.Version;
        switch (e.Data)
        {
            case EpisodeOpened x: progress.StartedOn = x.EffectiveOn; break;
            case AssessmentRecorded x:
                progress.Assessments.Add(new Assessment(x.AssessmentId, x.Kind, x.EffectiveOn, x.AssessorId, x.AssessorName,
                    x.Measures, x.RangeOfMotion, x.MuscleTests, null));
                break;
            case EpisodeDischarged x: progress.DischargedOn = x.EffectiveOn; break;
            case GoalSet x: progress.Goals.Add(Goal.From(x)); break;
            case GoalRevised x: progress.Goals.Single(g => g.Id == x.GoalId).Apply(x); break;
            case GoalStatusSet x: progress.Goals.Single(g => g.Id == x.GoalId).Apply(x); break;
            case SessionRecorded x:
                progress.Sessions.Add(new SessionOutcome(x.SessionId, x.Date, x.Attendance, x.PainBefore, x.PainAfter, x.Rpe, x.AdverseEvents));
                break;
            case HomeExerciseLogged x: progress.HomeLogs.Add(new HomeLogEntry(x.LogId, x.Date, x.ExerciseId)); break;
            case ExercisePrescribed x: progress.ProgramChanges.Add(ProgramChange.From(x, e.Version)); break;
            case ExerciseDosageAdjusted x: progress.ProgramChanges.Add(ProgramChange.From(x, e.Version)); break;
            case ExerciseSubstituted x: progress.ProgramChanges.Add(ProgramChange.From(x, e.Version)); break;
            case ExerciseDiscontinued x: progress.ProgramChanges.Add(ProgramChange.From(x, e.Version)); break;
            case EntryEnteredInError x: progress.MarkEnteredInError(x.EntryId); break;
        }
        return progress;
    }
}
