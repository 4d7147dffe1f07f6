using System.Runtime.CompilerServices;
using JasperFx.Events;
using RehabLedger.Clinics;
using RehabLedger.Common;
using RehabLedger.Episodes;
using RehabLedger.Programs;
using RehabLedger.Sessions;

namespace RehabLedger.Tests.Sessions;

/// <summary>
/// An episode built in memory for decision tests: events applied as Marten would, each bumping the version.
/// </summary>
public static class EpisodeState
{
    public static readonly DateOnly Today = new(2026, 3, 18);
    public static readonly DateOnly Start = Today.AddDays(-30);
    public static readonly Guid ClinicId = Guid.NewGuid();
    public static readonly Therapist Assigned = new() { Id = Guid.NewGuid(), ClinicId = ClinicId, DisplayName = "Robin Ames" };
    public static readonly Therapist Colleague = new() { Id = Guid.NewGuid(), ClinicId = ClinicId, DisplayName = "Sam Okafor" };
    public static readonly ActorRef Actor = new("t-1", "therapist", "Robin Ames");

    public static Episode Open() => new()
    {
        Id = Guid.NewGuid(), ClinicId = ClinicId, TherapistId = Assigned.Id, StartedOn = Start, Version = 1,
    };

    public static Guid Prescribe(this Episode e, DateOnly on, ExerciseSetting setting = ExerciseSetting.Clinic, string name = "Wall squat")
    {
        var id = Guid.NewGuid();
        e.Apply(Recorded(e, new ExercisePrescribed(e.Id, id, Guid.NewGuid(), name, null, ExerciseCategory.Strengthening,
            Dosage(setting), null, null, null, on, Actor)));
        return id;
    }

    public static void Discontinue(this Episode e, Guid exerciseId, DateOnly on) =>
        e.Apply(Recorded(e, new ExerciseDiscontinued(e.Id, exerciseId, Guid.NewGuid(), "Flare-up", on, Actor)));

    public static Guid Substitute(this Episode e, Guid exerciseId, DateOnly on, string name = "Leg press")
    {
        var replacement = Guid.NewGuid();
        e.Apply(Recorded(e, new ExerciseSubstituted(e.Id, exerciseId, Guid.NewGuid(), replacement, name, null,
            ExerciseCategory.Strengthening, Dosage(ExerciseSetting.Clinic), null, null, "Knee pain on squatting", on, Actor)));
        return replacement;
    }

    public static void MoveHome(this Episode e, Guid exerciseId, DateOnly on) =>
        e.Apply(Recorded(e, new ExerciseDosageAdjusted(e.Id, exerciseId, Guid.NewGuid(), AdjustmentKind.Modification,
            Dosage(ExerciseSetting.Clinic), Dosage(ExerciseSetting.Home), "Independent with it", on, Actor)));

    public static Dosage Dosage(ExerciseSetting setting) => new(3, 10, null, null, null, null, null, 3, 5, setting);

    // The entry documents the inline projection would write beside the snapshot, kept per episode.
    private static readonly ConditionalWeakTable<Episode, List<object>> Documents = new();

    public static void Record(this Episode e, SessionRecorded recorded)
    {
        e.Apply(recorded);
        Documents.GetOrCreateValue(e).Add(new RecordedSession(EntryDocument.Key(e.Id, recorded.SessionId), e.Id, ++e.Version, recorded));
    }

    public static void Record(this Episode e, HomeExerciseLogged logged)
    {
        e.Apply(logged);
        Documents.GetOrCreateValue(e).Add(new RecordedHomeLog(EntryDocument.Key(e.Id, logged.LogId), e.Id, ++e.Version, logged));
    }

    /// <summary>The episode's sessions and home logs as they are read: its documents joined with the snapshot.</summary>
    public static EpisodeSessions Entries(this Episode e)
    {
        var documents = Documents.GetOrCreateValue(e);
        return EpisodeSessions.Of(e, documents.OfType<RecordedSession>(), documents.OfType<RecordedHomeLog>());
    }

    public static void Discharge(this Episode e) => e.Apply(new EpisodeDischarged(e.Id, Today, "Goals met", Actor));

    private static Event<T> Recorded<T>(Episode e, T data) where T : notnull => new(data) { Version = ++e.Version };
}
