using GraphQL;
using GraphQL.Types;
using RehabLedger.Common;
using RehabLedger.Episodes;
using RehabLedger.GraphQL;
using RehabLedger.Security;
using RehabLedger.GraphQL.Cost;

namespace RehabLedger.Sessions;

public static class SessionsFields
{
    public static void AddSessionsMutations(this ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<EpisodePayloadType>>("recordSession").Costs(FieldCost.Command)
            .Description("Records a clinic session: attended (with minutes, exercises, pain, exertion, adverse events), cancelled or a no-show.")
            .AuthorizeWithPolicy(Policies.WriteClinical)
            .Argument<NonNullGraphType<DerivedInputType<RecordSessionInput>>>("input")
            .ResolveAsync(async c =>
            {
                var input = c.GetArgument<RecordSessionInput>("input");
                return await c.SendForEpisode(input.ToCommand(c.Actor()));
            });

        mutation.Field<NonNullGraphType<EpisodePayloadType>>("logHomeExercise").Costs(FieldCost.Command)
            .Description("Logs one completion of a home-program exercise, as reported by the patient or a therapist.")
            .AuthorizeWithPolicy(Policies.LogHomeExercise)
            .Argument<NonNullGraphType<DerivedInputType<LogHomeExerciseInput>>>("input")
            .ResolveAsync(async c =>
            {
                var input = c.GetArgument<LogHomeExerciseInput>("input");
                // A patient speaks for themself only: their log is theirs, never a therapist's report.
                if (c.Guard().Caller?.Role == Roles.Patient)
                    Validate.That(input.ReportedBy == HomeLogReporter.Patient, "reportedBy", "A patient logs as PATIENT.");
                return await c.SendForEpisode(input.ToCommand(c.Actor()),
                    (guard, episode) => guard.CanLogHomeExercise(episode.ClinicId, episode.PatientId));
            });
    }

    public static void AddSessionsFields(this EpisodeType type)
    {
        type.ConnectionField<Episode, SessionType, Session>("sessions",
                c => c.SessionsOf(c.Source).Then(x => SessionHistory.NewestFirst(x.Sessions)), s => s.Id.ToString()).Costs(FieldCost.Batched)
            .Description("Sessions newest first (by date, then latest recorded first), without those entered in error.");
        type.ConnectionField<Episode, HomeLogType, HomeLog>("homeLogs",
                c => c.SessionsOf(c.Source).Then(x => SessionHistory.NewestFirst(x.HomeLogs)), l => l.Id.ToString()).Costs(FieldCost.Batched)
            .Description("Home-program logs newest first (by date, then latest recorded first), without those entered in error.");
    }
}
