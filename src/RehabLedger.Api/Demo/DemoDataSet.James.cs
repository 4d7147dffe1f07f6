using RehabLedger.Episodes;
using RehabLedger.Programs;
using static RehabLedger.Episodes.BodySide;
using static RehabLedger.Programs.ExerciseSetting;

namespace RehabLedger.Demo;

public static partial class DemoDataSet
{
    /// <summary>The session James's record holds twice; the second copy is marked entered in error.</summary>
    public static readonly Guid JamesDuplicateSession = DemoIds.Entry(DemoEntry.Session, 2, 12);

    /// <summary>
    /// Low back pain, twice a week, slow and steady: recently re-assessed, reported on, certified and seen, so the
    /// caseload raises nothing for him. His prone press-up was swapped for a standing version he can do at work.
    /// </summary>
    private static void James(EpisodeScript e)
    {
        e.Assess(38, AssessmentKind.Initial, [M("ODI", 42), M("NPRS", 6)],
            [Rom("lumbar spine", "flexion", NotApplicable, 40), Rom("lumbar spine", "extension", NotApplicable, 10)],
            findings: "Directional preference for extension; no neurological signs.");
        e.Assess(8, AssessmentKind.ReAssessment, [M("ODI", 34), M("NPRS", 5)],
            [Rom("lumbar spine", "flexion", NotApplicable, 55), Rom("lumbar spine", "extension", NotApplicable, 20)],
            findings: "Sits for an hour before needing to stand; bends to tie shoes without pain.");
        e.Certify(38, endsInDays: 51, "Dr. Samuel Reyes", "1452369873", "Physical therapy 2x/week for 12 weeks.");

        var sitting = e.Goal(38, "Sit through a two-hour work meeting without having to stand", weeks: 6);
        var disability = e.Goal(38, "Oswestry disability 20% or less", weeks: 8, "ODI", 20);
        var pain = e.Goal(38, "Back pain 2/10 or less at the end of a work day", weeks: 8, "NPRS", 2);

        var pressUp = e.Prescribe(38, "Prone press-up", ExerciseCategory.RangeOfMotion, Dose.Reps(2, 10, 7, Home),
            "Keep the hips on the floor; breathe out at the top.");
        var birdDog = e.Prescribe(38, "Bird dog", ExerciseCategory.Strengthening, Dose.Hold(3, 5, 2, Clinic, repetitions: 8),
            "Keep the back flat; reach long rather than high.");
        e.Prescribe(38, "Treadmill walking", ExerciseCategory.Cardiovascular, Dose.Minutes(20, 2, Clinic, rpe: 4));
        e.Adjust(17, birdDog, AdjustmentKind.Progression, d => d with { Repetitions = 10 }, "Holds 3x8 steadily without a wobble; progress the repetitions.");
        var standing = e.Substitute(20, pressUp, "Standing back extension", ExerciseCategory.RangeOfMotion, Dose.Reps(2, 10, 7, Home),
            "Cannot get down on the floor at work; the standing version keeps the extension bias and fits every two hours.",
            "Hands on the small of the back, lean back gently, return upright.");

        // Days ago, pain before, pain after, session RPE.
        e.Attended(37, 6, 5, 4, "First session; taught the press-up.", minutes: 60);
        e.Attended(35, 6, 5, 4);
        e.Attended(31, 6, 4, 5);
        e.Attended(28, 5, 4, 5);
        e.Attended(24, 5, 4, 5);
        e.Attended(21, 5, 3, 5);
        e.Attended(17, 5, 3, 5);
        e.Attended(14, 4, 3, 5);
        e.Report(14, "Continue 2x/week; add lifting practice once ODI is under 30%.",
            (sitting, "Sits 45 minutes before needing to stand."),
            (disability, "Not re-measured yet; reports easier mornings."),
            (pain, "End-of-day pain 5/10, down from 6/10."));
        e.Attended(10, 5, 3, 5);
        e.Attended(7, 4, 3, 5);
        e.Attended(3, 4, 2, 5);
        e.Attended(3, 4, 2, 5);
        e.EnteredInError(JamesDuplicateSession, "Recorded twice: a duplicate of the session on the same day entered from the front-desk tablet.");

        e.HomeLogs(pressUp, pain: 4, 30, 28, 27, 25, 23, 22);
        e.HomeLogs(standing, pain: 3, 19, 18, 16, 15, 13, 12, 10, 9, 7, 6, 4, 2);
    }
}
