using System.ComponentModel;
using GraphQL;
using GraphQL.Types;
using Marten;
using RehabLedger.Access;
using RehabLedger.Common;
using RehabLedger.GraphQL;
using RehabLedger.Security;
using RehabLedger.GraphQL.Cost;

namespace RehabLedger.Episodes;

[Description("What an episode mutation answers.")]
public sealed record EpisodePayload(
    [property: Description("The episode including this change.")] Episode Episode,
    [property: Description("The episode stream's version after this change: the next expectedVersion.")] long Version);

public sealed class EpisodePayloadType : DerivedObjectType<EpisodePayload>;

public static class EpisodeFields
{
    /// <summary>
    /// Runs a command that changes an episode and answers with the episode and its new version. Every episode mutation
    /// goes through here, and here the episode's clinic is checked first: an episode the caller may not change is
    /// answered NOT_FOUND on <c>input.episodeId</c>, word for word and at the same cost as an unknown id (both are
    /// recorded, neither is sent). An episode never changes clinic, so the check cannot go stale before the command runs.
    /// </summary>
    /// <param name="may">Who may change this episode; clinicians of its clinic when not given.</param>
    public static async Task<EpisodePayload> SendForEpisode(this IResolveFieldContext context, IEpisodeCommand command,
        Func<AccessGuard, EpisodeOwner, bool>? may = null)
    {
        var owners = context.RequestServices!.GetRequiredService<EpisodeOwners>();
        if (await context.Access().ChangeableEpisode(context.Query(), owners, context.Coordinate(), command.EpisodeId, may, context.CancellationToken) is null)
            throw ClinicalRuleViolation.NotFound("episode", command.EpisodeId, "episodeId");
        var episode = await context.Send<Episode>(command);
        return new EpisodePayload(episode, episode.Version);
    }

    public static void AddEpisodeQueries(this ObjectGraphType query) =>
        query.Field<EpisodeType>("episode").Costs(FieldCost.RoundTrip)
            .Description("An episode of a clinic you work in; null for any other id, whether or not it exists.")
            .AuthorizeWithPolicy(Policies.ReadClinic)
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async c =>
            {
                // The owner first, at the cost an unknown id has too; the snapshot, whose size follows the episode's length,
                // only once the caller may read it, so the answer's timing does not tell how long another clinic's episode is.
                var id = c.GetArgument<Guid>("id");
                return await c.ReadableEpisode(id) is null ? null : await c.Query().LoadAsync<Episode>(id, c.CancellationToken);
            });

    public static void AddEpisodeMutations(this ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<EpisodePayloadType>>("openEpisode").Costs(FieldCost.Command)
            .Description("Opens an episode of care for a registered patient at a clinic, assigned to one of its therapists.")
            .AuthorizeWithPolicy(Policies.WriteClinical)
            .Argument<NonNullGraphType<DerivedInputType<OpenEpisodeInput>>>("input")
            .ResolveAsync(async c =>
            {
                var input = c.GetArgument<OpenEpisodeInput>("input");
                c.RequireClinic(input.ClinicId, (guard, clinic) => guard.CanWriteClinical(clinic), "input.clinicId");
                var written = await c.Send<StreamWritten>(input.ToCommand(c.Actor()));
                var episode = await c.Query().LoadAsync<Episode>(written.Id, c.CancellationToken);
                return new EpisodePayload(episode!, written.Version);
            });

        mutation.Field<NonNullGraphType<EpisodePayloadType>>("recordAssessment").Costs(FieldCost.Command)
            .Description("Records an initial evaluation, re-assessment or discharge assessment with its outcome measures.")
            .AuthorizeWithPolicy(Policies.WriteClinical)
            .Argument<NonNullGraphType<DerivedInputType<RecordAssessmentInput>>>("input")
            .ResolveAsync(async c =>
            {
                var input = c.GetArgument<RecordAssessmentInput>("input");
                return await c.SendForEpisode(input.ToCommand(c.Actor()));
            });

        mutation.Field<NonNullGraphType<EpisodePayloadType>>("dischargeEpisode").Costs(FieldCost.Command)
            .Description("Ends the episode, optionally with its discharge assessment. A discharged episode accepts no further clinical entries.")
            .AuthorizeWithPolicy(Policies.WriteClinical)
            .Argument<NonNullGraphType<DerivedInputType<DischargeEpisodeInput>>>("input")
            .ResolveAsync(async c =>
            {
                var input = c.GetArgument<DischargeEpisodeInput>("input");
                return await c.SendForEpisode(input.ToCommand(c.Actor()));
            });
    }
}
