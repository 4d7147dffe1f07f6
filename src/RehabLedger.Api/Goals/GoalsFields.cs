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
            .Argument<NonNullGraphType<DerivedInputType<SetGoalInput>>>("input")
            .ResolveAsync(async c =>
            {
                var input = c.GetArgument<SetGoalInput>("input");
                return await c.SendForEpisode(input.ToCommand(c.Actor()));
            });

        mutation.Field<NonNullGraphType<EpisodePayloadType>>("reviseGoal").Costs(FieldCost.Command)
            .Description("Changes a goal's description, target or target date, with a reason.")
            .AuthorizeWithPolicy(Policies.WriteClinical)
            .Argument<NonNullGraphType<DerivedInputType<ReviseGoalInput>>>("input")
            .ResolveAsync(async c =>
            {
                var input = c.GetArgument<ReviseGoalInput>("input");
                return await c.SendForEpisode(input.ToCommand(c.Actor()));
            });

        mutation.Field<NonNullGraphType<EpisodePayloadType>>("setGoalStatus").Costs(FieldCost.Command)
            .Description("Marks a goal achieved, partly achieved or discontinued, or reopens it, from an effective date.")
            .AuthorizeWithPolicy(Policies.WriteClinical)
            .Argument<NonNullGraphType<DerivedInputType<SetGoalStatusInput>>>("input")
            .ResolveAsync(async c =>
            {
                var input = c.GetArgument<SetGoalStatusInput>("input");
                return await c.SendForEpisode(input.ToCommand(c.Actor()));
            });

        mutation.Field<NonNullGraphType<EpisodePayloadType>>("issueProgressReport").Costs(FieldCost.Command)
            .Description("Issues a progress report with progress toward each active goal and the plan.")
            .AuthorizeWithPolicy(Policies.WriteClinical)
            .Argument<NonNullGraphType<DerivedInputType<IssueProgressReportInput>>>("input")
            .ResolveAsync(async c =>
            {
                var input = c.GetArgument<IssueProgressReportInput>("input");
                return await c.SendForEpisode(input.ToCommand(c.Actor()));
            });
    }
}
