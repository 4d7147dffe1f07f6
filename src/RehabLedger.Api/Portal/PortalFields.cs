using GraphQL;
using GraphQL.Types;
using Marten;
using RehabLedger.Episodes;
using RehabLedger.GraphQL;
using RehabLedger.Programs;
using RehabLedger.Security;
using RehabLedger.GraphQL.Cost;

namespace RehabLedger.Portal;

public static class PortalFields
{
    public static void AddPortalQueries(this ObjectGraphType query) =>
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<MyEpisodeType>>>>("myEpisodes").Costs(FieldCost.Page)
            .Description("For a patient: their own episodes, latest start first, with the program as it stands now.")
            .AuthorizeWithPolicy(Policies.PatientPortal)
            .ResolveAsync(async c =>
            {
                var patientId = c.Guard().Caller!.PatientId!.Value;
                var session = c.Query();
                var episodes = await session.Query<Episode>().Where(e => e.PatientId == patientId)
                    .OrderByDescending(e => e.StartedOn).ToListAsync(c.CancellationToken);
                foreach (var episode in episodes) c.Disclosures().Granted(c.Coordinate(), AccessContext.Subject(episode));
                return episodes.Select(MyEpisode.Of).ToList();
            });
}
