using JasperFx.Events;
using RehabLedger.Common;
using RehabLedger.Corrections;
using RehabLedger.Episodes;

namespace RehabLedger.Tests.Support;

/// <summary>Corrections applied to in-memory snapshots and rows the way their projections apply them, for host-free tests.</summary>
public static class InMemoryCorrections
{
    private static readonly ActorRef By = new("pt-dana", "physical-therapist", "Dana Whitfield");

    /// <summary>The correction event of one entry, as the ledger would hand it to a projection.</summary>
    public static IEvent<EntryEnteredInError> Correction(Guid episodeId, EntryKind kind, Guid entryId, long version = 1) =>
        new Event<EntryEnteredInError>(new EntryEnteredInError(episodeId, entryId, kind, "Entered in error", new DateOnly(2026, 3, 18), By))
        {
            Id = Guid.NewGuid(),
            Version = version,
        };

    /// <summary>Marks the episode's entry of this kind entered in error; false (and nothing applied) when it has no such entry.</summary>
    public static bool Correct(this Episode episode, EntryKind kind, Guid entryId)
    {
        if (episode.FindEntry(entryId)?.Kind != kind) return false;
        episode.Apply(Correction(episode.Id, kind, entryId, episode.Version + 1));
        return true;
    }
}
