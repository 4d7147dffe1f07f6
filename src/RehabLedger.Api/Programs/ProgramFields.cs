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
            .Argument<NonNullGraphType<PrescribeExerciseInputType>>("input")
            .ResolveAsync(async c =>
            {
                var input = c.GetArgument<PrescribeExerciseInput>("input");
                var x = input.Exercise;
                return await c.SendForEpisode(new PrescribeExercise(input.EpisodeId, input.ExpectedVersion, RequestContext.NewId(x.Id),
                    Guid.CreateVersion7(), x.Name, x.CatalogCode, x.Category, x.Dosage, x.Instructions, x.Precautions, input.Reason,
                    input.EffectiveOn, c.Actor()));
            });

        mutation.Field<NonNullGraphType<EpisodePayloadType>>("adjustDosage").Costs(FieldCost.Command)
            .Description("Progresses, regresses or modifies an active exercise's dosage, with a reason.")
            .AuthorizeWithPolicy(Policies.WriteClinical)
            .Argument<NonNullGraphType<AdjustDosageInputType>>("input")
            .ResolveAsync(async c =>
            {
                var input = c.GetArgument<AdjustDosageInput>("input");
                return await c.SendForEpisode(new AdjustDosage(input.EpisodeId, input.ExpectedVersion, input.ExerciseId, Guid.CreateVersion7(),
                    input.Kind, input.Dosage, input.Reason, input.EffectiveOn, c.Actor()));
            });

        mutation.Field<NonNullGraphType<EpisodePayloadType>>("substituteExercise").Costs(FieldCost.Command)
            .Description("Replaces an active exercise with another, with a reason.")
            .AuthorizeWithPolicy(Policies.WriteClinical)
            .Argument<NonNullGraphType<SubstituteExerciseInputType>>("input")
            .ResolveAsync(async c =>
            {
                var input = c.GetArgument<SubstituteExerciseInput>("input");
                var x = input.Replacement;
                return await c.SendForEpisode(new SubstituteExercise(input.EpisodeId, input.ExpectedVersion, input.ExerciseId,
                    Guid.CreateVersion7(), RequestContext.NewId(x.Id), x.Name, x.CatalogCode, x.Category, x.Dosage, x.Instructions,
                    x.Precautions, input.Reason, input.EffectiveOn, c.Actor()));
            });

        mutation.Field<NonNullGraphType<EpisodePayloadType>>("discontinueExercise").Costs(FieldCost.Command)
            .Description("Ends an active exercise, with a reason.")
            .AuthorizeWithPolicy(Policies.WriteClinical)
            .Argument<NonNullGraphType<DiscontinueExerciseInputType>>("input")
            .ResolveAsync(async c =>
            {
                var input = c.GetArgument<DiscontinueExerciseInput>("input");
                return await c.SendForEpisode(new DiscontinueExercise(input.EpisodeId, input.ExpectedVersion, input.ExerciseId,
                    Guid.CreateVersion7(), input.Reason, input.EffectiveOn, c.Actor()));
            });
    }
}
