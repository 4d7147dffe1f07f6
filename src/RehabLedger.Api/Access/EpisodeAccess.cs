using Marten;
using RehabLedger.Disclosures;
using RehabLedger.Episodes;
using RehabLedger.Security;

namespace RehabLedger.Access;

/// <summary>
/// Reading and changing one episode named by id. Only its owner is read before the decision, at the cost an unknown id
/// has too (see <see cref="EpisodeOwners"/>); an episode out of reach is answered and recorded exactly as one that does
/// not exist. An episode never changes clinic, so a decision cannot go stale before the command runs.
/// </summary>
public static class EpisodeAccess
{
    public const string MayNotChange = "The caller may not change this episode.";

    public static DisclosureSubject Subject(EpisodeOwner episode) => new(episode.ClinicId, episode.PatientId, episode.Id);

    /// <summary>Clinicians of the episode's clinic change it, unless the operation says who else may.</summary>
    public static bool Clinicians(AccessGuard guard, EpisodeOwner episode) => guard.CanWriteClinical(episode.ClinicId);

    public static AccessDecision Read(AccessGuard guard, EpisodeOwner? episode) =>
        RecordAccess.Read(guard, episode is null ? null : Subject(episode));

    public static AccessDecision Change(AccessGuard guard, EpisodeOwner? episode, Func<AccessGuard, EpisodeOwner, bool> may) =>
        episode is null ? AccessDecision.NotFound
        : may(guard, episode) ? AccessDecision.Grant(Subject(episode))
        : AccessDecision.Refuse(Subject(episode), MayNotChange);

    /// <summary>The episode's owner when the caller may read it (the read recorded), else null (the refusal recorded).</summary>
    public static async Task<EpisodeOwner?> ReadableEpisode(this OperationAccess access, IQuerySession session, EpisodeOwners owners,
        string operation, Guid episodeId, CancellationToken ct)
    {
        var guard = access.Guard;
        var owner = await owners.Find(session, episodeId, e => guard.CanRead(e.ClinicId), ct);
        return access.ReadableEpisode(operation, episodeId, owner);
    }

    /// <summary>As above, for an owner the surface already looked up (in a batch shared by several fields).</summary>
    public static EpisodeOwner? ReadableEpisode(this OperationAccess access, string operation, Guid episodeId, EpisodeOwner? owner) =>
        access.Record(operation, episodeId, Read(access.Guard, owner)) ? owner : null;

    /// <summary>
    /// The episode's owner when the caller may change it, else null with the refusal recorded. A granted change is not
    /// recorded here: the command's own events name the actor and the operation's correlation id.
    /// </summary>
    public static async Task<EpisodeOwner?> ChangeableEpisode(this OperationAccess access, IQuerySession session, EpisodeOwners owners,
        string operation, Guid episodeId, Func<AccessGuard, EpisodeOwner, bool>? may, CancellationToken ct)
    {
        var guard = access.Guard;
        var allowed = may ?? Clinicians;
        var owner = await owners.Find(session, episodeId, e => allowed(guard, e), ct);
        return access.Check(operation, episodeId, Change(guard, owner, allowed)) ? owner : null;
    }
}
