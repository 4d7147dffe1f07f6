using Marten;
using RehabLedger.Common;
using RehabLedger.Episodes;
using RehabLedger.Programs;

namespace RehabLedger.Audit;

/// <summary>
/// What the program audits read first, in one round trip: the episode stream's state (that it exists, its version)
/// and the <see cref="CurrentProgram"/> document, whose size follows the program's changes, not the stream's length.
/// </summary>
public static class EpisodeProgramRecord
{
    public static async Task<(CurrentProgram Program, long StreamVersion)> Load(IQuerySession session, Guid episodeId, CancellationToken ct)
    {
        var batch = session.CreateBatchQuery();
        var state = batch.Events.FetchStreamState(episodeId);
        var program = batch.Load<CurrentProgram>(episodeId);
        await batch.Execute(ct);

        var stream = await state;
        if (stream is null || stream.AggregateType != typeof(Episode))
            throw ClinicalRuleViolation.NotFound("episode", episodeId, "episodeId");
        return (await program ?? new CurrentProgram { Id = episodeId }, stream.Version);
    }
}
