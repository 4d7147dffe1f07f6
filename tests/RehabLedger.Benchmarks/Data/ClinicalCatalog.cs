using RehabLedger.Episodes;
using RehabLedger.Programs;

namespace RehabLedger.Benchmarks.Data;

/// <summary>A measure an episode of this kind is followed with: its range, and which way is better.</summary>
public sealed record MeasureSpec(string Code, decimal Minimum, decimal Maximum, bool HigherIsBetter, decimal TypicalGain);

public sealed record ExerciseSpec(string Name, ExerciseCategory Category, ExerciseSetting Setting, bool Timed = false);

/// <summary>One kind of referral a clinic sees: the condition and what is measured, moved and strengthened for it.</summary>
public sealed record ConditionSpec(
    Condition Condition,
    MeasureSpec[] Measures,
    (string Joint, string Motion)[] RangeOfMotion,
    string[] MuscleGroups,
    ExerciseSpec[] Exercises);

/// <summary>The outpatient orthopaedic mix the generated clinics treat; ranges follow the outcome measure catalog.</summary>
public static class ClinicalCatalog
{
    private static readonly MeasureSpec Nprs = new("NPRS", 0, 10, false, 3);
    private static readonly MeasureSpec Lefs = new("LEFS", 0, 80, true, 14);

    public static readonly ConditionSpec[] Conditions =
    [
        new(new("M17.11", "Unilateral primary osteoarthritis, right knee", "knee"),
            [Lefs, Nprs, new("KOOSJR", 0, 100, true, 16)],
            [("knee", "flexion"), ("knee", "extension")], ["quadriceps", "hamstrings"],
            [
                new("Sit to stand", ExerciseCategory.Functional, ExerciseSetting.Clinic),
                new("Terminal knee extension", ExerciseCategory.Strengthening, ExerciseSetting.Clinic),
                new("Step-ups", ExerciseCategory.Strengthening, ExerciseSetting.Clinic),
                new("Heel slides", ExerciseCategory.RangeOfMotion, ExerciseSetting.Home),
                new("Stationary bike", ExerciseCategory.Cardiovascular, ExerciseSetting.Home, Timed: true),
            ]),
        new(new("M54.50", "Low back pain, unspecified", "lumbar spine"),
            [new("ODI", 0, 100, false, 12), Nprs],
            [("lumbar spine", "flexion"), ("lumbar spine", "extension")], ["hip abductors", "trunk extensors"],
            [
                new("Bird dog", ExerciseCategory.Coordination, ExerciseSetting.Clinic),
                new("Dead bug", ExerciseCategory.Strengthening, ExerciseSetting.Clinic),
                new("Bridging", ExerciseCategory.Strengthening, ExerciseSetting.Clinic),
                new("Prone press-up", ExerciseCategory.RangeOfMotion, ExerciseSetting.Home),
                new("Walking program", ExerciseCategory.Cardiovascular, ExerciseSetting.Home, Timed: true),
            ]),
        new(new("M75.101", "Rotator cuff tear, right shoulder, not specified as traumatic", "shoulder"),
            [new("QuickDASH", 0, 100, false, 18), Nprs],
            [("shoulder", "flexion"), ("shoulder", "abduction")], ["rotator cuff", "scapular stabilizers"],
            [
                new("External rotation with band", ExerciseCategory.Strengthening, ExerciseSetting.Clinic),
                new("Scapular retraction", ExerciseCategory.Strengthening, ExerciseSetting.Clinic),
                new("Wall slides", ExerciseCategory.RangeOfMotion, ExerciseSetting.Clinic),
                new("Pendulum", ExerciseCategory.RangeOfMotion, ExerciseSetting.Home),
                new("Doorway stretch", ExerciseCategory.Stretching, ExerciseSetting.Home),
            ]),
        new(new("S93.401A", "Sprain of unspecified ligament of right ankle, initial encounter", "ankle"),
            [Lefs, Nprs],
            [("ankle", "dorsiflexion"), ("ankle", "plantarflexion")], ["ankle evertors", "calf"],
            [
                new("Single-leg balance", ExerciseCategory.Balance, ExerciseSetting.Clinic),
                new("Calf raises", ExerciseCategory.Strengthening, ExerciseSetting.Clinic),
                new("Lateral band walks", ExerciseCategory.Strengthening, ExerciseSetting.Clinic),
                new("Ankle alphabet", ExerciseCategory.RangeOfMotion, ExerciseSetting.Home),
                new("Towel scrunches", ExerciseCategory.Strengthening, ExerciseSetting.Home),
            ]),
        new(new("M54.2", "Cervicalgia", "cervical spine"),
            [new("NDI", 0, 50, false, 8), Nprs],
            [("cervical spine", "rotation"), ("cervical spine", "lateral flexion")], ["deep neck flexors", "upper trapezius"],
            [
                new("Chin tucks", ExerciseCategory.Strengthening, ExerciseSetting.Clinic),
                new("Prone T raises", ExerciseCategory.Strengthening, ExerciseSetting.Clinic),
                new("Thoracic extension over roll", ExerciseCategory.RangeOfMotion, ExerciseSetting.Clinic),
                new("Upper trapezius stretch", ExerciseCategory.Stretching, ExerciseSetting.Home),
                new("Cervical rotation", ExerciseCategory.RangeOfMotion, ExerciseSetting.Home),
            ]),
    ];

    public static readonly (string PayerId, string PayerName, string Prefix)[] Payers =
    [
        ("aetna", "Aetna", "AET"), ("bcbs", "Blue Cross Blue Shield", "BCB"), ("medicare", "Medicare", "1EG"),
        ("cigna", "Cigna", "CIG"), ("uhc", "UnitedHealthcare", "UHC"),
    ];

    public static readonly string[] ReferralSources = ["Primary care physician", "Orthopaedic surgeon", "Sports medicine", "Self-referral"];
}
