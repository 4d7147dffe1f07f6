using Marten;
using RehabLedger.Common;
using RehabLedger.Episodes;
using RehabLedger.Programs;

namespace RehabLedger.Audit;

/// <summary>
/// What the program audits read first, in one round trip: the episode stream's state (that it exists, its version)
/// and the episode snapshot, which holds the program's changes and corrections (<see cref="CurrentProgram.Of"/>).
/// </summary>
public static class EpisodeProgramRecord
{
    public static async Task<(CurrentProgram Program, long StreamVersion)> Load(IQuerySession session, Guid episodeId, CancellationToken ct)
    {
        var batch = session.CreateBatchQuery();
        var state = batch.Events.FetchStreamState(episodeId);
        var episode = batch.Load<Episode>(episodeId);
        await batch.Execute(ct);

        var stream = await state;
        if (stream is null || stream.AggregateType != typeof(Episode))
            throw ClinicalRuleViolation.NotFound("episode", episodeId, "episodeId");
        return (await episode is { } found ? CurrentProgram.Of(found) : CurrentProgram.Empty(episodeId), stream.Version);
    }
}
