using GraphQL.Types;
using RehabLedger.Episodes;
using RehabLedger.Programs;
using RehabLedger.GraphQL.Cost;

namespace RehabLedger.Portal;

public sealed class MyEpisodeType : ObjectGraphType<MyEpisode>
{
    public MyEpisodeType()
    {
        Name = "MyEpisode";
        Description = "One of your episodes of care and the exercises your program holds now.";
        Field(x => x.Id, type: typeof(NonNullGraphType<IdGraphType>));
        Field(x => x.Version).Description("Pass it as expectedVersion when logging a home exercise.");
        Field(x => x.Status, type: typeof(NonNullGraphType<EpisodeStatusType>));
        Field(x => x.StartedOn);
        Field(x => x.DischargedOn, nullable: true);
        Field(x => x.Condition);
        Field(x => x.BodyRegion);
        Field(x => x.Exercises, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<MyExerciseType>>>)).Costs(FieldCost.InMemory)
            .Description("The active exercises, clinic and home.");
    }
}

public sealed class MyExerciseType : ObjectGraphType<MyExercise>
{
    public MyExerciseType()
    {
        Name = "MyExercise";
        Field(x => x.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("Pass it as exerciseId when logging a home exercise.");
        Field(x => x.Name);
        Field(x => x.Category, type: typeof(NonNullGraphType<ExerciseCategoryType>));
        Field(x => x.Dosage, type: typeof(NonNullGraphType<DosageType>));
        Field(x => x.Instructions, nullable: true);
        Field(x => x.Precautions, nullable: true);
        Field(x => x.DosageSince);
    }
}
