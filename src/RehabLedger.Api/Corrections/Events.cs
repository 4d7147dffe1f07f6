using RehabLedger.Common;

namespace RehabLedger.Corrections;

/// <summary>What kind of entry a correction names.</summary>
public enum EntryKind
{
    Assessment,
    Goal,
    ProgressReport,
    ProgramChange,
    Session,
    HomeLog,
    Certification,
}

/// <summary>
/// An earlier entry was entered in error. The entry itself stays in the stream, untouched; from this event on it
/// counts nowhere. <see cref="EffectiveOn"/> is the day the correction was made.
/// </summary>
public sealed record EntryEnteredInError(
    Guid EpisodeId,
    Guid EntryId,
    EntryKind Kind,
    string Reason,
    DateOnly EffectiveOn,
    ActorRef By);
