using GraphQL;
using GraphQL.Types;
using Marten;
using RehabLedger.Common;
using RehabLedger.GraphQL;

namespace RehabLedger.Episodes;

public sealed record EpisodePayload(Episode Episode, long Version);

public sealed class EpisodePayloadType : ObjectGraphType<EpisodePayload>
{
    public EpisodePayloadType()
    {
        Name = "EpisodePayload";
        Field(x => x.Episode, type: typeof(NonNullGraphType<EpisodeType>)).Description("The episode including this change.");
        Field(x => x.Version).Description("The episode stream's version after this change: the next expectedVersion.");
    }
}

public static class EpisodeFields
{
    /// <summary>Runs a command that changes an episode and answers with the episode and its new version.</summary>
    public static async Task<EpisodePayload> SendForEpisode(this IResolveFieldContext context, IActorCommand command)
    {
        var episode = await context.Send<Episode>(command);
        return new EpisodePayload(episode, episode.Version);
    }

    public static void AddEpisodeQueries(this ObjectGraphType query) =>
        query.Field<EpisodeType>("episode")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async c => await c.Query().LoadAsync<Episode>(c.GetArgument<Guid>("id"), c.CancellationToken));

    public static void AddEpisodeMutations(this ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<EpisodePayloadType>>("openEpisode")
            .Description("Opens an episode of care for a registered patient at a clinic, assigned to one of its therapists.")
            .Argument<NonNullGraphType<OpenEpisodeInputType>>("input")
            .ResolveAsync(async c =>
            {
                var input = c.GetArgument<OpenEpisodeInput>("input");
                var actor = c.Actor();
                var command = new OpenEpisode(RequestContext.NewId(input.Id), input.PatientId, input.ClinicId, input.TherapistId,
                    input.Condition, input.ReferralSource, input.Coverage, input.StartedOn, actor);
                var written = await c.Send<StreamWritten>(command);
                var episode = await c.Query().LoadAsync<Episode>(written.Id, c.CancellationToken);
                return new EpisodePayload(episode!, written.Version);
            });

        mutation.Field<NonNullGraphType<EpisodePayloadType>>("recordAssessment")
            .Description("Records an initial evaluation, re-assessment or discharge assessment with its outcome measures.")
            .Argument<NonNullGraphType<RecordAssessmentInputType>>("input")
            .ResolveAsync(async c =>
            {
                var input = c.GetArgument<RecordAssessmentInput>("input");
                var actor = c.Actor();
                var command = new RecordAssessment(input.EpisodeId, input.ExpectedVersion, RequestContext.NewId(input.Id),
                    input.Kind, input.EffectiveOn, input.AssessorId, input.Measures ?? [], input.RangeOfMotion ?? [],
                    input.MuscleTests ?? [], input.Findings, actor);
                var episode = await c.Send<Episode>(command);
                return new EpisodePayload(episode, episode.Version);
            });

        mutation.Field<NonNullGraphType<EpisodePayloadType>>("dischargeEpisode")
            .Description("Ends the episode, optionally with its discharge assessment. A discharged episode accepts no further clinical entries.")
            .Argument<NonNullGraphType<DischargeEpisodeInputType>>("input")
            .ResolveAsync(async c =>
            {
                var input = c.GetArgument<DischargeEpisodeInput>("input");
                var assessment = input.Assessment is { } a
                    ? new DischargeAssessment(RequestContext.NewId(a.Id), a.AssessorId, a.Measures ?? [], a.RangeOfMotion ?? [],
                        a.MuscleTests ?? [], a.Findings)
                    : null;
                var episode = await c.Send<Episode>(
                    new DischargeEpisode(input.EpisodeId, input.ExpectedVersion, input.EffectiveOn, input.Reason, assessment, c.Actor()));
                return new EpisodePayload(episode, episode.Version);
            });
    }
}
