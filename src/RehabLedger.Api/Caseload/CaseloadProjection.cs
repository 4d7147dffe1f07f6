using JasperFx.Events;
using Marten.Events.Aggregation;
using RehabLedger.Corrections;
using RehabLedger.Episodes;
using RehabLedger.Goals;
using RehabLedger.PlanOfCare;
using RehabLedger.Sessions;

namespace RehabLedger.Caseload;

/// <summary>
/// Async: a dashboard can show a row a moment late, and writes should not pay for a view they do not read. It runs on
/// the HotCold daemon, so with several nodes one elected leader keeps the rows current.
/// </summary>
public sealed partial class CaseloadProjection : SingleStreamProjection<CaseloadRow, Guid>
{
    public CaseloadProjection()
    {
        IncludeType<EpisodeOpened>();
        IncludeType<AssessmentRecorded>();
        IncludeType<EpisodeDischarged>();
        IncludeType<SessionRecorded>();
        IncludeType<ProgressReportIssued>();
        IncludeType<PlanOfCareCertified>();
        IncludeType<EntryEnteredInError>();
    }

    public override CaseloadRow Evolve(CaseloadRow? row, Guid id, IEvent e)
    {
        row ??= new CaseloadRow { Id = id };
        switch (e.Data)
        {
            case EpisodeOpened x:
                row.ClinicId = x.ClinicId;
                row.TherapistId = x.TherapistId;
                row.PatientId = x.PatientId;
                row.Condition = $"{x.Condition.Icd10Code} {x.Condition.Description}";
                row.StartedOn = x.EffectiveOn;
                row.Status = EpisodeStatus.Active;
                break;
            case AssessmentRecorded x: row.Assessments.Add(new DatedFact(x.AssessmentId, x.EffectiveOn)); break;
            case EpisodeDischarged: row.Status = EpisodeStatus.Discharged; break;
            case SessionRecorded x:
                row.Sessions.Add(new SessionFact(x.SessionId, x.Date, x.Attendance == Attendance.Attended, x.PainBefore, x.AdverseEvents.Count > 0));
                break;
            case ProgressReportIssued x: row.ProgressReports.Add(new DatedFact(x.ReportId, x.EffectiveOn)); break;
            case PlanOfCareCertified x:
                row.Certifications.Add(new Certification { Id = x.CertificationId, Start = x.EffectiveOn, End = x.EndsOn, Physician = x.Physician });
                break;
            case EntryEnteredInError x: row.EnteredInError.Apply(x, e.Id, e.Version); break;
        }
        return row;
    }
}
