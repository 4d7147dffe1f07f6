using GraphQL;
using GraphQL.Types;
using GraphQL.Types.Relay;
using Marten;
using RehabLedger.Access;
using RehabLedger.Audit;
using RehabLedger.GraphQL;
using RehabLedger.Security;
using RehabLedger.GraphQL.Cost;

namespace RehabLedger.Disclosures;

public static class DisclosureFields
{
    public static void AddDisclosureQueries(this ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ConnectionType<AccessRecordType>>>("accessLog").Costs(FieldCost.Page)
            .Description("Every read of patient data and every refused attempt concerning your clinics or made by their staff, " +
                         "newest first. Entries appear a moment after the access (async projection).")
            .AuthorizeWithPolicy(Policies.ReadAccessLog)
            .Argument<AccessLogFilterInputType>("filter")
            .PagingArguments(KeysetPaging.CheckCursor)
            .ResolveAsync(async c =>
            {
                var filter = c.GetArgument<AccessLogFilter?>("filter") ?? new AccessLogFilter();
                if (filter.ClinicId is { } clinic) c.RequireClinic(clinic, (guard, id) => guard.CanReadAccessLog(id), "filter.clinicId");
                var query = AccessLogQuery.Filtered(c.Query(), filter, c.Guard().ClinicScope);
                return await AccessLogQuery.Page(query, c.GetArgument<int?>(Paging.First), c.GetArgument<string?>(Paging.After), c.CancellationToken);
            });

        query.Field<ConnectionType<AccessRecordType>>("disclosures").Costs(FieldCost.Page)
            .Description("Who read this patient's data, in any role, and who was refused, newest first. For the patient " +
                         "themself and their clinic's administrators; null for a patient you may not see, whether or not it exists.")
            .AuthorizeWithPolicy(Policies.ReadDisclosures)
            .Argument<NonNullGraphType<IdGraphType>>("patientId")
            .PagingArguments(KeysetPaging.CheckCursor)
            .ResolveAsync(async c =>
            {
                var patientId = c.GetArgument<Guid>("patientId");
                if (await c.Access().PermittedPatient(c.Query(), c.Coordinate(), patientId, PatientAccess.ListDisclosures, c.CancellationToken) is null)
                    return null;
                var query = c.Query().Query<AccessRecord>().Where(r => r.PatientId == patientId);
                return await AccessLogQuery.Page(query, c.GetArgument<int?>(Paging.First), c.GetArgument<string?>(Paging.After), c.CancellationToken);
            });
    }
}
