using RehabLedger.Episodes;
using RehabLedger.Goals;
using RehabLedger.Programs;
using static RehabLedger.Episodes.BodySide;
using static RehabLedger.Programs.ExerciseSetting;

namespace RehabLedger.Demo;

public static partial class DemoDataSet
{
    /// <summary>
    /// Rehabilitation after a right total hip replacement, a complete episode: initial evaluation, re-evaluation with
    /// a recertification, two progress reports, every goal achieved, and a discharge 6 days ago with its discharge
    /// assessment. A discharged episode is off the caseload.
    /// </summary>
    private static void Eileen(EpisodeScript e)
    {
        e.Assess(63, AssessmentKind.Initial, [M("LEFS", 28), M("NPRS", 5), M("TUG", 16.4m), M("6MWT", 260)],
            [Rom("hip", "flexion", Right, 80)], [Mmt("hip abductors", Right, 3)],
            "Three weeks after a right total hip replacement; walks with a cane; posterior hip precautions.");
        e.Assess(33, AssessmentKind.ReAssessment, [M("LEFS", 47), M("NPRS", 3), M("TUG", 11.8m), M("6MWT", 350)],
            [Rom("hip", "flexion", Right, 95)], [Mmt("hip abductors", Right, 4)],
            "Walks indoors without the cane; uses it outdoors.");
        e.Certify(63, endsInDays: -34, "Dr. Anita Rao", "1672943580", "Initial certification, 30 days.");
        e.Certify(33, endsInDays: 26, "Dr. Anita Rao", "1672943580", "Recertified at the re-evaluation for 60 days.");

        var shop = e.Goal(63, "Walk to the corner shop and back (400 m) without a cane", weeks: 8);
        var function = e.Goal(63, "LEFS 60 or more", weeks: 10, "LEFS", 60);
        var mobility = e.Goal(63, "Timed Up and Go under 10 seconds", weeks: 10, "TUG", 10);

        e.Prescribe(63, "Heel slides", ExerciseCategory.RangeOfMotion, Dose.Reps(2, 10, 7, Home), precautions: "No hip flexion past 90 degrees.");
        var abduction = e.Prescribe(63, "Side-lying hip abduction", ExerciseCategory.Strengthening, Dose.Reps(3, 10, 5, Home),
            precautions: "Pillow between the knees; do not roll forward.");
        var stepUps = e.Prescribe(63, "Step-ups onto a 15 cm step", ExerciseCategory.Functional, Dose.Reps(3, 10, 2, Clinic, rpe: 4),
            "Lead with the right leg going up, the left going down; rail for balance.");
        var walking = e.Prescribe(63, "Walking program", ExerciseCategory.Cardiovascular, Dose.Minutes(15, 5, Home, rpe: 3));
        e.Adjust(33, abduction, AdjustmentKind.Progression, d => d with { Repetitions = 15 }, "3x10 easy at the re-evaluation; progress the repetitions.");
        e.Adjust(33, walking, AdjustmentKind.Progression, d => d with { DurationMinutes = 25 }, "Walks 15 minutes without the cane indoors; progress the duration.");
        e.Adjust(20, stepUps, AdjustmentKind.Progression, d => d with { Sets = 4 }, "3x10 at RPE 3; progress the sets.");

        // Days ago, pain before, pain after, session RPE.
        e.Attended(62, 5, 4, 3, "First session; reviewed hip precautions and taught the home program.", minutes: 60);
        e.Attended(59, 5, 4, 4);
        e.Attended(55, 4, 3, 4);
        e.Attended(52, 4, 3, 4);
        e.Attended(48, 4, 3, 5);
        e.Attended(45, 3, 2, 5);
        e.Attended(41, 3, 2, 5);
        e.Attended(38, 3, 2, 5);
        e.Report(38, "Continue 2x/week; re-evaluate and recertify next week.",
            (shop, "Walks 200 m with the cane."),
            (function, "Daily tasks easier; LEFS to be re-measured at the re-evaluation."),
            (mobility, "Gets up from a chair without pushing on the armrests."));
        e.Attended(34, 3, 2, 5);
        e.Attended(31, 3, 2, 5);
        e.Attended(27, 2, 1, 5);
        e.Attended(24, 2, 1, 5);
        e.Attended(20, 2, 1, 5);
        e.Attended(17, 2, 1, 5);
        e.Attended(13, 1, 1, 5);
        e.Report(13, "Plan discharge within two weeks with the home program.",
            (shop, "Walks to the shop with the cane, back without it."),
            (function, "LEFS 47 at the re-evaluation, up from 28."),
            (mobility, "TUG 11.8 s at the re-evaluation, down from 16.4 s."));
        e.Attended(10, 1, 0, 5);

        e.HomeLogs(walking, pain: 3, 61, 60, 58, 57, 54, 53, 51, 50, 47, 46, 44, 43, 40, 39, 37, 36);
        e.HomeLogs(walking, pain: 1, 32, 30, 29, 26, 25, 23, 22, 19, 18, 16, 15, 12, 11, 9, 8, 7);
        e.HomeLogs(abduction, pain: 2, 30, 26, 23, 19, 16, 12, 9);

        e.SetStatus(6, shop, GoalStatus.Achieved, "Walked to the shop and back without a cane this week.");
        e.SetStatus(6, function, GoalStatus.Achieved, "LEFS 66 at discharge.");
        e.SetStatus(6, mobility, GoalStatus.Achieved, "TUG 8.9 s at discharge.");
        e.Discharge(6, "Goals met: walks community distances without a cane and keeps up the home program on her own.",
            [M("LEFS", 66), M("NPRS", 1), M("TUG", 8.9m), M("6MWT", 455)],
            [Rom("hip", "flexion", Right, 105)], [Mmt("hip abductors", Right, 4)],
            "Walks community distances without a cane; independent with the home program.");
    }
}
