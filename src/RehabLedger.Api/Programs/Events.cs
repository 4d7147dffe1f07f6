using RehabLedger.Common;

namespace RehabLedger.Programs;

// Program events live on the episode's stream. Each carries a ChangeId so a later correction can name it.

/// <summary>An exercise is added to the patient's program.</summary>
public sealed record ExercisePrescribed(
    Guid EpisodeId,
    Guid ExerciseId,
    Guid ChangeId,
    string Name,
    string? CatalogCode,
    ExerciseCategory Category,
    Dosage Dosage,
    string? Instructions,
    string? Precautions,
    string? Reason,
    DateOnly EffectiveOn,
    ActorRef By);

public enum AdjustmentKind
{
    Progression,
    Regression,
    Modification,
}

/// <summary>An exercise's dosage changes: progressed, regressed or otherwise modified, always with a reason.</summary>
public sealed record ExerciseDosageAdjusted(
    Guid EpisodeId,
    Guid ExerciseId,
    Guid ChangeId,
    AdjustmentKind Kind,
    Dosage From,
    Dosage To,
    string Reason,
    DateOnly EffectiveOn,
    ActorRef By);

/// <summary>One exercise replaces another, which ends; the replacement starts with its own dosage.</summary>
public sealed record ExerciseSubstituted(
    Guid EpisodeId,
    Guid ExerciseId,
    Guid ChangeId,
    Guid ReplacementExerciseId,
    string Name,
    string? CatalogCode,
    ExerciseCategory Category,
    Dosage Dosage,
    string? Instructions,
    string? Precautions,
    string Reason,
    DateOnly EffectiveOn,
    ActorRef By);

/// <summary>An exercise leaves the program.</summary>
public sealed record ExerciseDiscontinued(
    Guid EpisodeId,
    Guid ExerciseId,
    Guid ChangeId,
    string Reason,
    DateOnly EffectiveOn,
    ActorRef By);
