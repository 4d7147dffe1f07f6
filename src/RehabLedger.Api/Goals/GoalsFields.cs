using GraphQL;
using GraphQL.Types;
using RehabLedger.Episodes;
using RehabLedger.GraphQL;
using RehabLedger.Security;
using RehabLedger.GraphQL.Cost;

namespace RehabLedger.Goals;

public static class GoalsFields
{
    public static void AddGoalsMutations(this ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<EpisodePayloadType>>("setGoal").Costs(FieldCost.Command)
            .Description("Sets a functional goal, optionally measured by an outcome measure from a baseline toward a target.")
            .AuthorizeWithPolicy(Policies.WriteClinical)
            .Argument<NonNullGraphType<SetGoalInputType>>("input")
            .ResolveAsync(async c =>
            {
                var input = c.GetArgument<SetGoalInput>("input");
                return await c.SendForEpisode(new SetGoal(input.EpisodeId, input.ExpectedVersion, RequestContext.NewId(input.Id),
                    input.Description, input.MeasureCode, input.Baseline, input.Target, input.TargetDate, input.EffectiveOn, c.Actor()));
            });

        mutation.Field<NonNullGraphType<EpisodePayloadType>>("reviseGoal").Costs(FieldCost.Command)
            .Description("Changes a goal's description, target or target date, with a reason.")
            .AuthorizeWithPolicy(Policies.WriteClinical)
            .Argument<NonNullGraphType<ReviseGoalInputType>>("input")
            .ResolveAsync(async c =>
            {
                var input = c.GetArgument<ReviseGoalInput>("input");
                return await c.SendForEpisode(new ReviseGoal(input.EpisodeId, input.ExpectedVersion, input.GoalId,
                    input.Description, input.Target, input.TargetDate, input.Reason, input.EffectiveOn, c.Actor()));
            });

        mutation.Field<NonNullGraphType<EpisodePayloadType>>("setGoalStatus").Costs(FieldCost.Command)
            .Description("Marks a goal achieved, partly achieved or discontinued, or reopens it, from an effective date.")
            .AuthorizeWithPolicy(Policies.WriteClinical)
            .Argument<NonNullGraphType<SetGoalStatusInputType>>("input")
            .ResolveAsync(async c =>
            {
                var input = c.GetArgument<SetGoalStatusInput>("input");
                return await c.SendForEpisode(new SetGoalStatus(input.EpisodeId, input.ExpectedVersion, input.GoalId,
                    input.Status, input.Note, input.EffectiveOn, c.Actor()));
            });

        mutation.Field<NonNullGraphType<EpisodePayloadType>>("issueProgressReport").Costs(FieldCost.Command)
            .Description("Issues a progress report with progress toward each active goal and the plan.")
            .AuthorizeWithPolicy(Policies.WriteClinical)
            .Argument<NonNullGraphType<IssueProgressReportInputType>>("input")
            .ResolveAsync(async c =>
            {
                var input = c.GetArgument<IssueProgressReportInput>("input");
                return await c.SendForEpisode(new IssueProgressReport(input.EpisodeId, input.ExpectedVersion, RequestContext.NewId(input.Id),
                    input.GoalSummaries, input.Plan, input.EffectiveOn, c.Actor()));
            });
    }
}
