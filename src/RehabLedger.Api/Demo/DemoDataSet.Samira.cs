using RehabLedger.Episodes;
using RehabLedger.Programs;
using RehabLedger.Sessions;
using static RehabLedger.Episodes.BodySide;
using static RehabLedger.Programs.ExerciseSetting;
using static RehabLedger.Programs.ResistanceBand;

namespace RehabLedger.Demo;

public static partial class DemoDataSet
{
    /// <summary>
    /// Neck pain that improved, then flared with long hours at work: pain before her last three sessions rose 5, 6, 7,
    /// and two days ago rows at the green band brought on light-headedness (a mild adverse event), so the band went
    /// back to red. Her re-assessment three days ago shows NDI and pain worse than at the start.
    /// </summary>
    private static void Samira(EpisodeScript e)
    {
        e.Assess(28, AssessmentKind.Initial, [M("NDI", 22), M("NPRS", 6)],
            [Rom("cervical spine", "rotation", Left, 55), Rom("cervical spine", "rotation", Right, 70)],
            findings: "Neck pain after long hours at the computer; no arm symptoms.");
        e.Assess(3, AssessmentKind.ReAssessment, [M("NDI", 24), M("NPRS", 7)],
            [Rom("cervical spine", "rotation", Left, 50), Rom("cervical spine", "rotation", Right, 68)],
            findings: "Flare over the past week with a deadline at work; still no arm symptoms.");
        e.Certify(28, endsInDays: 61, "Dr. Samuel Reyes", "1452369873", "Physical therapy 2x/week for 12 weeks.");

        e.Goal(28, "Work a full day at the computer without neck pain forcing a break", weeks: 6);
        var disability = e.Goal(28, "Neck Disability Index 10 or less", weeks: 8, "NDI", 10);
        e.Goal(28, "Neck pain 2/10 or less at the end of a work day", weeks: 8, "NPRS", 2);
        e.PostponeTarget(3, disability, weeks: 3, "The flare has set her back; target moved out by three weeks.");

        var chinTuck = e.Prescribe(28, "Chin tuck", ExerciseCategory.Strengthening, Dose.Hold(3, 5, 7, Home, repetitions: 10),
            "Lying down, nod and flatten the neck into the pillow; hold, then relax.");
        var rows = e.Prescribe(28, "Scapular row with band", ExerciseCategory.Strengthening, Dose.Reps(3, 12, 2, Clinic).With(Red),
            "Squeeze the shoulder blades together; keep the chin tucked.");
        var stretch = e.Prescribe(28, "Upper trapezius stretch", ExerciseCategory.Stretching, Dose.Hold(3, 30, 7, Home), "Ear towards the shoulder, hand on the head, no pulling.");
        e.Adjust(13, rows, AdjustmentKind.Progression, d => d.With(Green), "3x12 at red is easy; progress the band.");

        // Days ago, pain before, pain after, session RPE.
        e.Attended(27, 6, 5, 3, "First session; taught the home program.", minutes: 60);
        e.Attended(24, 5, 4, 4);
        e.Attended(20, 5, 3, 4);
        e.Attended(17, 4, 3, 4);
        e.Attended(13, 4, 3, 5);
        e.Missed(10, Attendance.Cancelled, "Patient cancelled: work deadline.");
        e.Attended(9, 5, 4, 5, "Long hours at work this week.");
        e.Attended(6, 6, 5, 5);
        e.Attended(2, 7, 6, 6, "Rows stopped after one set.",
            asDone: [new PerformedExercise(rows, 1, 8, Band: Green, Rpe: 7)],
            adverseEvent: new AdverseEvent("Light-headedness and a sharp rise in neck pain during scapular rows at the green band.",
                AdverseEventSeverity.Mild, "Stopped the exercise; rested lying down for 10 minutes until it settled; band back to red; told to call if it returns."));
        e.Adjust(2, rows, AdjustmentKind.Regression, d => d.With(Red), "Light-headedness and neck pain during rows at green today; back to red until the flare settles.");

        e.HomeLogs(chinTuck, pain: 4, 26, 25, 23, 22, 21, 19, 18, 16, 15, 14);
        e.HomeLogs(chinTuck, pain: 6, 12, 8, 5, 1);
        e.HomeLogs(stretch, pain: 5, 20, 16, 12, 11, 7, 4, 1);
    }
}
