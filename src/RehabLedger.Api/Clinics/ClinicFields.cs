using GraphQL;
using GraphQL.Types;
using Marten;
using RehabLedger.Common;
using RehabLedger.GraphQL;
using RehabLedger.Security;
using RehabLedger.GraphQL.Cost;

namespace RehabLedger.Clinics;

public static class ClinicFields
{
    public static void AddClinicQueries(this ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<ClinicType>>>>("clinics").Costs(FieldCost.RoundTrip)
            .Description("The clinics you work in (every clinic for a platform administrator), by name.")
            .AuthorizeWithPolicy(Policies.ReadClinic)
            .ResolveAsync(async c =>
            {
                IQueryable<Clinic> clinics = c.Query().Query<Clinic>();
                if (c.Guard().ClinicScope is { } scope)
                {
                    var ids = scope.ToArray();
                    clinics = clinics.Where(x => ids.Contains(x.Id));
                }
                return await clinics.OrderBy(x => x.Name).ToListAsync(c.CancellationToken);
            });

        query.Field<ClinicType>("clinic").Costs(FieldCost.RoundTrip)
            .Description("A clinic you work in; null for any other id, whether or not it exists.")
            .AuthorizeWithPolicy(Policies.ReadClinic)
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async c => await c.ReadableById<Clinic>(AccessContext.Subject));
    }

    public static void AddClinicMutations(this ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<ClinicPayloadType>>("registerClinic").Costs(FieldCost.Command)
            .AuthorizeWithPolicy(Policies.RegisterClinic)
            .Argument<NonNullGraphType<DerivedInputType<RegisterClinicInput>>>("input")
            .ResolveAsync(async c =>
            {
                var input = c.GetArgument<RegisterClinicInput>("input");
                var written = await c.Send<StreamWritten>(input.ToCommand(c.Actor()));
                var clinic = await c.Query().LoadAsync<Clinic>(written.Id, c.CancellationToken);
                return new ClinicPayload(clinic!, written.Version);
            });

        mutation.Field<NonNullGraphType<TherapistPayloadType>>("registerTherapist").Costs(FieldCost.Command)
            .AuthorizeWithPolicy(Policies.AdministerClinic)
            .Argument<NonNullGraphType<DerivedInputType<RegisterTherapistInput>>>("input")
            .ResolveAsync(async c =>
            {
                var input = c.GetArgument<RegisterTherapistInput>("input");
                c.RequireClinic(input.ClinicId, (guard, clinic) => guard.CanAdminister(clinic), "input.clinicId");
                var written = await c.Send<StreamWritten>(input.ToCommand(c.Actor()));
                var therapist = await c.Query().LoadAsync<Therapist>(written.Id, c.CancellationToken);
                return new TherapistPayload(therapist!, written.Version);
            });
    }
}
