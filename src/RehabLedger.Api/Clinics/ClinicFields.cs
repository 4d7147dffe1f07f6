using GraphQL;
using GraphQL.Types;
using Marten;
using RehabLedger.Common;
using RehabLedger.GraphQL;

namespace RehabLedger.Clinics;

public static class ClinicFields
{
    public static void AddClinicQueries(this ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<ClinicType>>>>("clinics")
            .ResolveAsync(async c => await c.Query().Query<Clinic>().OrderBy(x => x.Name).ToListAsync(c.CancellationToken));

        query.Field<ClinicType>("clinic")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async c => await c.Query().LoadAsync<Clinic>(c.GetArgument<Guid>("id"), c.CancellationToken));
    }

    public static void AddClinicMutations(this ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<ClinicPayloadType>>("registerClinic")
            .Argument<NonNullGraphType<RegisterClinicInputType>>("input")
            .ResolveAsync(async c =>
            {
                var input = c.GetArgument<RegisterClinicInput>("input");
                var actor = c.Actor();
                var written = await c.Send<StreamWritten>(new RegisterClinic(RequestContext.NewId(input.Id), input.Name, actor));
                var clinic = await c.Query().LoadAsync<Clinic>(written.Id, c.CancellationToken);
                return new ClinicPayload(clinic!, written.Version);
            });

        mutation.Field<NonNullGraphType<TherapistPayloadType>>("registerTherapist")
            .Argument<NonNullGraphType<RegisterTherapistInputType>>("input")
            .ResolveAsync(async c =>
            {
                var input = c.GetArgument<RegisterTherapistInput>("input");
                var actor = c.Actor();
                var command = new RegisterTherapist(RequestContext.NewId(input.Id), input.ClinicId, input.DisplayName,
                    input.Profession, input.LicenseNumber, actor);
                var written = await c.Send<StreamWritten>(command);
                var therapist = await c.Query().LoadAsync<Therapist>(written.Id, c.CancellationToken);
                return new TherapistPayload(therapist!, written.Version);
            });
    }
}
