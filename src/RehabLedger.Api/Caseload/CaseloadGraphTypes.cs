using GraphQL;
using GraphQL.Types;
using GraphQL.Types.Relay;
using Microsoft.Extensions.DependencyInjection;
using RehabLedger.Clinics;
using RehabLedger.Common;
using RehabLedger.Episodes;
using RehabLedger.GraphQL;
using RehabLedger.Security;
using RehabLedger.Patients;
using RehabLedger.PlanOfCare;
using RehabLedger.GraphQL.Cost;

namespace RehabLedger.Caseload;

public sealed class CaseloadFlagType : EnumerationGraphType<CaseloadFlag>;

public sealed class CaseloadOrderType : EnumerationGraphType<CaseloadOrder>;

public sealed class CaseloadEntryType : ObjectGraphType<CaseloadEntry>
{
    public CaseloadEntryType()
    {
        Name = "CaseloadEntry";
        // Clinic records, whatever field reaches them: a role that may not read clinics cannot select this type anywhere.
        this.AuthorizeWithPolicy(Policies.ReadClinic);
        Description = "An active episode on the dashboard, with the flags it raises today.";
        Field<NonNullGraphType<IdGraphType>>("episodeId").Resolve(c => c.Source.Row.Id);
        Field<NonNullGraphType<EpisodeType>>("episode").Costs(FieldCost.Batched).Description("The whole episode, loaded for the page in one batch.")
            .Resolve(c => c.Batch().Load<Episode>(c.Source.Row.Id, e => e.Id));
        Field<NonNullGraphType<PatientType>>("patient").Resolve(c => c.Source.Patient);
        Field<NonNullGraphType<TherapistType>>("therapist").Resolve(c => c.Source.Therapist);
        Field<NonNullGraphType<StringGraphType>>("condition").Resolve(c => c.Source.Row.Condition);
        Field<NonNullGraphType<DateOnlyGraphType>>("startedOn").Resolve(c => c.Source.Row.StartedOn);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CaseloadFlagType>>>>("flags").Costs(FieldCost.InMemory)
            .Resolve(c => c.Source.Status.Flags.Order().ToList());
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IntGraphType>>>>("lastThreePains").Costs(FieldCost.InMemory)
            .Description("Pain before the last three attended sessions, oldest first.")
            .Resolve(c => c.Source.Status.LastThreePains);
        Field<DateOnlyGraphType>("lastAdverseEventOn").Resolve(c => c.Source.Status.LastAdverseEventOn);
        Field<NonNullGraphType<IntGraphType>>("daysSinceAssessment").Resolve(c => c.Source.Status.DaysSinceAssessment);
        Field<NonNullGraphType<IntGraphType>>("attendedSinceProgressReport").Resolve(c => c.Source.Status.AttendedSinceProgressReport);
        Field<NonNullGraphType<CertificationStatusType>>("certification").Resolve(c => c.Source.Status.Certification);
        Field<NonNullGraphType<IntGraphType>>("daysSinceAttendance").Resolve(c => c.Source.Status.DaysSinceAttendance);
    }
}

public static class CaseloadFields
{
    public static void AddCaseloadQueries(this ObjectGraphType query) =>
        query.Field<NonNullGraphType<ConnectionType<CaseloadEntryType>>>("caseload").Costs(FieldCost.Page)
            .Description("A clinic's active episodes with today's flags, for dashboards. Rows trail writes by a moment (async projection).")
            .Argument<NonNullGraphType<IdGraphType>>("clinicId")
            .Argument<IdGraphType>("therapistId", "Only this therapist's episodes.")
            .Argument<ListGraphType<NonNullGraphType<CaseloadFlagType>>>("flags", "Only episodes raising at least one of these flags.")
            .Argument<CaseloadOrderType>("orderBy", a => a.DefaultValue = CaseloadOrder.PatientName)
            .PagingArguments()
            .AuthorizeWithPolicy(Policies.ReadClinic)
            .ResolveAsync(async c =>
            {
                var first = c.GetArgument<int?>(Paging.First);
                Paging.PageSize(first); // refuse an oversized page before touching the database
                var clinicId = c.GetArgument<Guid>("clinicId");
                c.RequireClinic(clinicId, (guard, clinic) => guard.CanRead(clinic), "clinicId");
                var today = c.RequestServices!.GetRequiredService<TimeProvider>().Today();
                var entries = await CaseloadQuery.Entries(c.Query(), clinicId, c.GetArgument<Guid?>("therapistId"),
                    c.GetArgument<List<CaseloadFlag>?>("flags") ?? [], c.GetArgument<CaseloadOrder>("orderBy"), today, c.CancellationToken);
                var page = Paging.Page(entries, e => e.Row.Id.ToString(), first, c.GetArgument<string?>(Paging.After));
                foreach (var edge in page.Edges!)
                    c.Disclosures().Granted(c.Coordinate(), new(edge.Node!.Row.ClinicId, edge.Node.Row.PatientId, edge.Node.Row.Id));
                return page;
            });
}
