using GraphQL;
using GraphQL.Types;
using Marten;
using RehabLedger.Access;
using RehabLedger.Common;
using RehabLedger.GraphQL;
using RehabLedger.Patients;
using RehabLedger.Security;
using RehabLedger.GraphQL.Cost;

namespace RehabLedger.Consent;

public static class ConsentFields
{
    public static void AddConsentMutations(this ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<ConsentPayloadType>>("grantConsent").Costs(FieldCost.Command)
            .Description("Records the patient's consent for a payer to receive outcome histories. By the patient, or their clinic's staff.")
            .AuthorizeWithPolicy(Policies.ManageConsent)
            .Argument<NonNullGraphType<GrantConsentInputType>>("input")
            .ResolveAsync(async c =>
            {
                var input = c.GetArgument<ConsentInput>("input");
                await RequireConsentManager(c, input.PatientId);
                return Payload(await c.Send<Patient>(new GrantConsent(input.PatientId, input.ExpectedVersion, input.PayerId, c.Actor())));
            });

        mutation.Field<NonNullGraphType<ConsentPayloadType>>("revokeConsent").Costs(FieldCost.Command)
            .Description("Withdraws a payer's consent; the payer's next request is refused.")
            .AuthorizeWithPolicy(Policies.ManageConsent)
            .Argument<NonNullGraphType<RevokeConsentInputType>>("input")
            .ResolveAsync(async c =>
            {
                var input = c.GetArgument<ConsentInput>("input");
                await RequireConsentManager(c, input.PatientId);
                return Payload(await c.Send<Patient>(new RevokeConsent(input.PatientId, input.ExpectedVersion, input.PayerId, input.Reason, c.Actor())));
            });
    }

    public static void AddConsentQueries(this ObjectGraphType query) =>
        query.Field<ConsentPayloadType>("myConsents").Costs(FieldCost.RoundTrip)
            .Description("For a patient: their consents, and their record's version to pass as expectedVersion when granting or revoking one; " +
                         "null when the token names no registered patient.")
            .AuthorizeWithPolicy(Policies.PatientPortal)
            .ResolveAsync(async c =>
            {
                var patientId = c.Guard().Caller!.PatientId!.Value;
                var patient = await c.Query().LoadAsync<Patient>(patientId, c.CancellationToken);
                if (patient is not null) c.Disclosures().Granted(c.Coordinate(), AccessContext.Subject(patient));
                return patient is null ? null : Payload(patient);
            });

    public static void AddConsentFields(this PatientType type) =>
        type.Field<NonNullGraphType<ListGraphType<NonNullGraphType<PayerConsentType>>>>("consents").Costs(FieldCost.InMemory)
            .Description("Every consent granted to a payer, oldest first, revoked ones included.")
            .Resolve(c => c.Source.Consents);

    /// <summary>
    /// A patient the caller may not manage is answered like an unknown one, NOT_FOUND on input.patientId, at the same
    /// cost: both are recorded and neither is sent.
    /// </summary>
    private static async Task RequireConsentManager(IResolveFieldContext c, Guid patientId)
    {
        if (await c.Access().PermittedPatient(c.Query(), c.Coordinate(), patientId, PatientAccess.ManageConsent, c.CancellationToken) is not null) return;
        throw ClinicalRuleViolation.NotFound("patient", patientId, "patientId");
    }

    private static ConsentPayload Payload(Patient patient) => new(patient.Id, patient.Version, patient.Consents);
}
