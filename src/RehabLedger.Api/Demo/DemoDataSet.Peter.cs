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
    /// Ankle sprain, a young footballer who improved quickly and stopped coming: his only assessment is the initial
    /// evaluation 35 days ago (re-assessment due), his last session was 16 days ago (no attendance), a no-show and a
    /// cancellation since. The README's example 3 records the re-assessment he is due.
    /// </summary>
    private static void Peter(EpisodeScript e)
    {
        e.Assess(35, AssessmentKind.Initial, [M("LEFS", 44), M("NPRS", 5)],
            [Rom("ankle", "dorsiflexion", Right, 5), Rom("ankle", "plantarflexion", Right, 35)],
            [Mmt("ankle evertors", Right, 3)],
            "Lateral sprain playing football four days ago; swelling over the ligament; cannot hop.");
        e.Certify(35, endsInDays: 54, "Dr. Omar Fadel", "1234567893", "Physical therapy 2x/week for 12 weeks.");

        e.Goal(35, "Return to recreational football: sprint, cut and kick without the ankle giving way", weeks: 8);
        e.Goal(35, "LEFS 70 or more", weeks: 8, "LEFS", 70);
        e.Goal(35, "Ankle pain 1/10 or less after a 5 km run", weeks: 8, "NPRS", 1);

        var stretch = e.Prescribe(35, "Towel calf stretch", ExerciseCategory.Stretching, Dose.Hold(3, 30, 7, Home),
            "Knee straight, pull the towel until the calf stretches; no bouncing.");
        var balance = e.Prescribe(35, "Single-leg balance", ExerciseCategory.Balance, Dose.Hold(3, 30, 5, Home),
            "Stand on the right leg beside the kitchen counter.");
        var eversion = e.Prescribe(35, "Ankle eversion with band", ExerciseCategory.Strengthening, Dose.Reps(3, 15, 2, Clinic).With(Red));
        e.Adjust(24, balance, AdjustmentKind.Progression, d => d with { HoldSeconds = 45 }, "Holds 30 seconds steady on a firm surface; progress the hold.");
        e.Adjust(20, eversion, AdjustmentKind.Progression, d => d.With(Green), "3x15 at red without fatigue; progress the band.");

        // Days ago, pain before, pain after, session RPE.
        e.Attended(34, 5, 4, 4, "First session; taught the home program.", minutes: 60);
        e.Attended(31, 4, 3, 5);
        e.Attended(27, 4, 3, 5);
        e.Attended(24, 3, 2, 6);
        e.Attended(20, 2, 2, 6);
        e.Attended(16, 2, 1, 6, "Jogging without pain; wants to get back to training.");
        e.Missed(13, Attendance.NoShow, "Did not attend; voicemail left.");
        e.Missed(6, Attendance.Cancelled, "Cancelled by text: the ankle feels fine.");

        e.HomeLogs(stretch, pain: 2, 33, 32, 30, 29, 26, 25, 23, 22, 19);
        e.HomeLogs(balance, pain: null, 33, 30, 28, 26, 23, 21, 18);
    }
}
