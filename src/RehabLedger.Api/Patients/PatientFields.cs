using GraphQL;
using GraphQL.Types;
using Marten;
using RehabLedger.Common;
using RehabLedger.GraphQL;
using RehabLedger.Security;
using RehabLedger.GraphQL.Cost;

namespace RehabLedger.Patients;

public static class PatientFields
{
    public static void AddPatientQueries(this ObjectGraphType query) =>
        query.Field<PatientType>("patient").Costs(FieldCost.RoundTrip)
            .Description("A patient of a clinic you work in; null for any other id, whether or not it exists.")
            .AuthorizeWithPolicy(Policies.ReadClinic)
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async c => await c.ReadableById<Patient>(AccessContext.Subject));

    public static void AddPatientMutations(this ObjectGraphType mutation) =>
        mutation.Field<NonNullGraphType<PatientPayloadType>>("registerPatient").Costs(FieldCost.Command)
            .Description("Registers a patient with a clinic.")
            .AuthorizeWithPolicy(Policies.AdministerClinic)
            .Argument<NonNullGraphType<DerivedInputType<RegisterPatientInput>>>("input")
            .ResolveAsync(async c =>
            {
                var input = c.GetArgument<RegisterPatientInput>("input");
                c.RequireClinic(input.ClinicId, (guard, clinic) => guard.CanAdminister(clinic), "input.clinicId");
                var written = await c.Send<StreamWritten>(input.ToCommand(c.Actor()));
                var patient = await c.Query().LoadAsync<Patient>(written.Id, c.CancellationToken);
                return new PatientPayload(patient!, written.Version);
            });
}
