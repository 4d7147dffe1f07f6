using GraphQL;
using GraphQL.Types;
using RehabLedger.Episodes;
using RehabLedger.GraphQL;
using RehabLedger.Security;
using RehabLedger.GraphQL.Cost;

namespace RehabLedger.Programs;

public static class ProgramFields
{
    public static void AddProgramFields(this EpisodeType type) =>
        type.Field<NonNullGraphType<CurrentProgramType>>("currentProgram").Costs(FieldCost.InMemory)
            .Description("The exercise program as it stands now.")
            .Resolve(c => CurrentProgram.Of(c.Source));

    public static void AddProgramMutations(this ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<EpisodePayloadType>>("prescribeExercise").Costs(FieldCost.Command)
            .Description("Adds an exercise with its dosage to the episode's program.")
            .AuthorizeWithPolicy(Policies.WriteClinical)
            .Argument<NonNullGraphType<DerivedInputType<PrescribeExerciseInput>>>("input")
            .ResolveAsync(async c =>
            {
                var input = c.GetArgument<PrescribeExerciseInput>("input");
                return await c.SendForEpisode(input.ToCommand(c.Actor()));
            });

        mutation.Field<NonNullGraphType<EpisodePayloadType>>("adjustDosage").Costs(FieldCost.Command)
            .Description("Progresses, regresses or modifies an active exercise's dosage, with a reason.")
            .AuthorizeWithPolicy(Policies.WriteClinical)
            .Argument<NonNullGraphType<DerivedInputType<AdjustDosageInput>>>("input")
            .ResolveAsync(async c =>
            {
                var input = c.GetArgument<AdjustDosageInput>("input");
                return await c.SendForEpisode(input.ToCommand(c.Actor()));
            });

        mutation.Field<NonNullGraphType<EpisodePayloadType>>("substituteExercise").Costs(FieldCost.Command)
            .Description("Replaces an active exercise with another, with a reason.")
            .AuthorizeWithPolicy(Policies.WriteClinical)
            .Argument<NonNullGraphType<DerivedInputType<SubstituteExerciseInput>>>("input")
            .ResolveAsync(async c =>
            {
                var input = c.GetArgument<SubstituteExerciseInput>("input");
                return await c.SendForEpisode(input.ToCommand(c.Actor()));
            });

        mutation.Field<NonNullGraphType<EpisodePayloadType>>("discontinueExercise").Costs(FieldCost.Command)
            .Description("Ends an active exercise, with a reason.")
            .AuthorizeWithPolicy(Policies.WriteClinical)
            .Argument<NonNullGraphType<DerivedInputType<DiscontinueExerciseInput>>>("input")
            .ResolveAsync(async c =>
            {
                var input = c.GetArgument<DiscontinueExerciseInput>("input");
                return await c.SendForEpisode(input.ToCommand(c.Actor()));
            });
    }
}
