using RehabLedger.Episodes;
using RehabLedger.Programs;
using static RehabLedger.Episodes.BodySide;
using static RehabLedger.Programs.ExerciseSetting;
using static RehabLedger.Programs.ResistanceBand;

namespace RehabLedger.Demo;

public static partial class DemoDataSet
{
    /// <summary>
    /// Rotator cuff tear under Medicare, twice a week, improving. Her first certification covered six weeks and ends
    /// in five days: the caseload asks for a recertification. Pendulums were dropped once she could lift her arm.
    /// </summary>
    private static void Li(EpisodeScript e)
    {
        e.Assess(36, AssessmentKind.Initial, [M("QuickDASH", 56.8m), M("NPRS", 6)],
            [Rom("shoulder", "flexion", Right, 110), Rom("shoulder", "abduction", Right, 95), Rom("shoulder", "external rotation", Right, 30)],
            [Mmt("shoulder external rotators", Right, 3), Mmt("shoulder abductors", Right, 3)],
            "Painful arc on abduction; weak external rotation; sleeps poorly on the right side.");
        e.Assess(5, AssessmentKind.ReAssessment, [M("QuickDASH", 40.9m), M("NPRS", 3)],
            [Rom("shoulder", "flexion", Right, 145), Rom("shoulder", "abduction", Right, 130), Rom("shoulder", "external rotation", Right, 50)],
            [Mmt("shoulder external rotators", Right, 4), Mmt("shoulder abductors", Right, 4)],
            "Reaches shoulder height without a hitch; still guarded overhead.");
        e.Certify(36, endsInDays: 5, "Dr. Anita Rao", "1672943580", "Initial certification, 6 weeks; recertify at the re-evaluation.");

        var plate = e.Goal(36, "Reach a dinner plate down from a shoulder-height cupboard with the right arm", weeks: 6);
        var function = e.Goal(36, "QuickDASH 20 or less", weeks: 10, "QuickDASH", 20);
        var pain = e.Goal(36, "Shoulder pain 1/10 or less at night", weeks: 10, "NPRS", 1);

        var pendulum = e.Prescribe(36, "Pendulum (Codman) exercise", ExerciseCategory.RangeOfMotion, Dose.Reps(2, 20, 7, Home),
            "Lean on the table with the good arm; let the right arm swing in small circles.");
        var rotation = e.Prescribe(36, "Shoulder external rotation with band", ExerciseCategory.Strengthening, Dose.Reps(3, 10, 5, Home).With(Yellow),
            "Towel roll under the elbow; turn out slowly, return in three seconds.");
        e.Prescribe(36, "Wall slide", ExerciseCategory.RangeOfMotion, Dose.Reps(2, 10, 2, Clinic), precautions: "Stop below the painful arc.");
        e.Adjust(14, rotation, AdjustmentKind.Progression, d => d.With(Red), "Three sessions of 3x10 without pain at yellow; progress the band.");
        e.Prescribe(14, "Serratus punch", ExerciseCategory.Strengthening, Dose.Reps(3, 12, 2, Clinic).Kg(1), "Lying on the back, punch the weight to the ceiling.");
        e.Discontinue(15, pendulum, "Active elevation past 120 degrees; pendulums no longer add anything.");

        // Days ago, pain before, pain after, session RPE.
        e.Attended(35, 6, 5, 3, "First session; taught the home program.", minutes: 60);
        e.Attended(32, 6, 5, 4);
        e.Attended(28, 5, 4, 4);
        e.Attended(25, 5, 4, 4);
        e.Attended(21, 5, 3, 5);
        e.Attended(18, 4, 3, 5, "Seen by Dana Whitfield while Marcus was away.", therapist: DanaId);
        e.Attended(14, 4, 3, 5);
        e.Attended(11, 4, 2, 5);
        e.Report(11, "Continue 2x/week; recertify at the re-evaluation for 6 more weeks.",
            (plate, "Reaches a shoulder-height shelf with an empty plate."),
            (function, "QuickDASH not re-measured yet; dresses without help."),
            (pain, "Night pain 3/10, wakes once."));
        e.Attended(7, 3, 2, 5);
        e.Attended(4, 3, 2, 5);
        e.Attended(1, 3, 1, 5);

        e.HomeLogs(pendulum, pain: 4, 34, 33, 31, 30, 27, 26, 24, 23, 20, 19, 17, 16);
        e.HomeLogs(rotation, pain: 2, 20, 19, 17, 16, 13, 12, 10, 9, 6, 5, 3, 2);
    }
}
