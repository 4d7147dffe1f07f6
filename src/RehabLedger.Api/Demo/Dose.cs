using RehabLedger.Programs;

namespace RehabLedger.Demo;

/// <summary>Short ways to write the dosages of the demo programs.</summary>
public static class Dose
{
    public static Dosage Reps(int sets, int repetitions, int perWeek, ExerciseSetting setting, int? rpe = null) =>
        new(sets, repetitions, null, null, null, null, null, perWeek, rpe, setting);

    public static Dosage Hold(int sets, int seconds, int perWeek, ExerciseSetting setting, int? repetitions = null) =>
        new(sets, repetitions, seconds, null, null, null, null, perWeek, null, setting);

    public static Dosage Minutes(int minutes, int perWeek, ExerciseSetting setting, int? rpe = null) =>
        new(1, null, null, null, null, null, minutes, perWeek, rpe, setting);

    public static Dosage Kg(this Dosage dosage, decimal load) => dosage with { Load = load, LoadUnit = LoadUnit.Kg };

    public static Dosage With(this Dosage dosage, ResistanceBand band) => dosage with { Band = band };
}
