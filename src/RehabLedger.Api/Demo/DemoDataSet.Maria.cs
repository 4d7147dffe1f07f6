using RehabLedger.Episodes;
using RehabLedger.Goals;
using RehabLedger.Programs;
using RehabLedger.Sessions;
using static RehabLedger.Episodes.BodySide;
using static RehabLedger.Programs.ExerciseSetting;

namespace RehabLedger.Demo;

public static partial class DemoDataSet
{
    /// <summary>Maria's leg press, which the README progresses.</summary>
    public static readonly Guid MariaLegPress = DemoIds.Entry(DemoEntry.Exercise, 1, 2);

    /// <summary>
    /// Right knee osteoarthritis, three sessions a week, improving on every measure. Her progress report was written
    /// after her ninth session; eleven attended sessions since then make the next one due.
    /// </summary>
    private static void Maria(EpisodeScript e)
    {
        e.Assess(45, AssessmentKind.Initial, [M("LEFS", 38), M("NPRS", 7), M("KOOSJR", 52.5m)],
            [Rom("knee", "flexion", Right, 105), Rom("knee", "extension", Right, -5)],
            [Mmt("quadriceps", Right, 4), Mmt("hip abductors", Right, 3)],
            "Antalgic gait; pain on stairs and rising from a chair; crepitus in the right knee.");
        e.Assess(10, AssessmentKind.ReAssessment, [M("LEFS", 51), M("NPRS", 4), M("KOOSJR", 64.2m)],
            [Rom("knee", "flexion", Right, 118), Rom("knee", "extension", Right, -2)],
            [Mmt("quadriceps", Right, 4), Mmt("hip abductors", Right, 4)],
            "Walks 20 minutes without a rest; climbs stairs step over step with one rail.");
        e.Certify(45, endsInDays: 44, "Dr. Helen Park", "1987654328", "Physical therapy 3x/week for 12 weeks.");

        var stairs = e.Goal(45, "Climb a flight of stairs step over step with one rail", weeks: 6);
        var function = e.Goal(45, "Return to daily 30-minute walks (LEFS 60 or more)", weeks: 8, "LEFS", 60);
        var pain = e.Goal(45, "Knee pain 2/10 or less on stairs", weeks: 8, "NPRS", 2);

        var bike = e.Prescribe(45, "Stationary bike", ExerciseCategory.Cardiovascular, Dose.Minutes(10, 3, Clinic, rpe: 3),
            "Seat high enough for a slight knee bend at the bottom; low resistance.");
        e.Prescribe(45, "Leg press", ExerciseCategory.Strengthening, Dose.Reps(3, 12, 3, Clinic, rpe: 5).Kg(20),
            "Feet hip-width apart; stop short of full knee bend.");
        var raise = e.Prescribe(45, "Straight leg raise", ExerciseCategory.Strengthening, Dose.Reps(3, 10, 5, Home),
            "Tighten the thigh first, lift to the height of the other knee, lower slowly.");
        var sitToStand = e.Prescribe(45, "Sit-to-stand from a chair", ExerciseCategory.Functional, Dose.Reps(2, 8, 5, Home),
            "Arms crossed if you can; use the armrests if the knee hurts.");
        e.Adjust(24, MariaLegPress, AdjustmentKind.Progression, d => d.Kg(25), "Completed 3x12 at RPE 4 in three consecutive sessions.");
        e.Adjust(17, bike, AdjustmentKind.Progression, d => d with { DurationMinutes = 15 }, "Ten minutes without knee pain; progress the duration.");
        e.Adjust(10, sitToStand, AdjustmentKind.Progression, d => d with { Repetitions = 10 }, "Rises without using her hands; progress the repetitions.");

        // Days ago, pain before, pain after, session RPE.
        e.Attended(44, 7, 5, 4, "First session; taught the home program.", minutes: 60);
        e.Attended(42, 7, 6, 4);
        e.Attended(40, 6, 5, 5);
        e.Attended(37, 6, 4, 5);
        e.Attended(35, 6, 5, 5);
        e.Attended(33, 5, 4, 5);
        e.Attended(30, 5, 4, 5);
        e.Attended(28, 5, 3, 6);
        e.Attended(26, 4, 3, 5);
        e.Report(26, "Continue 3x/week; progress the leg press load; start stair practice.",
            (stairs, "Climbs with two rails, one step at a time."),
            (function, "Walks 10 minutes before knee pain stops her."),
            (pain, "Stair pain down from 7/10 to 5/10."));
        e.Attended(24, 5, 3, 5, "Leg press progressed to 25 kg.");
        e.Attended(22, 4, 3, 5);
        e.Attended(19, 4, 2, 5);
        e.Attended(17, 4, 3, 6);
        e.Attended(15, 3, 2, 5);
        e.Missed(13, Attendance.Cancelled, "Patient cancelled (car trouble); rebooked for the next day.");
        e.Attended(12, 4, 3, 5);
        e.Attended(10, 4, 2, 5, "Re-assessment; stair goal met.");
        e.Attended(8, 3, 2, 5);
        e.Attended(5, 3, 2, 6);
        e.Attended(3, 3, 1, 5);
        e.Attended(1, 2, 1, 5);

        e.SetStatus(10, stairs, GoalStatus.Achieved, "Step over step with one rail at the re-assessment.");

        e.HomeLogs(raise, pain: 3, 14, 13, 11, 9, 8, 6, 4, 2, 1);
        e.HomeLogs(sitToStand, pain: 3, 14, 12, 9, 7, 4, 2);
    }
}
