using System.ComponentModel;
using GraphQL;
using GraphQL.Types;
using Marten;
using RehabLedger.Clinics;
using RehabLedger.Consent;
using RehabLedger.Episodes;
using RehabLedger.GraphQL;
using RehabLedger.Security;
using RehabLedger.GraphQL.Cost;

namespace RehabLedger.Patients;

public sealed class AdministrativeSexType : EnumerationGraphType<AdministrativeSex>;

public sealed class PatientType : ObjectGraphType<Patient>
{
    public PatientType()
    {
        Name = "Patient";
        // Clinic records, whatever field reaches them: a role that may not read clinics cannot select this type anywhere.
        this.AuthorizeWithPolicy(Policies.ReadClinic);
        Field(x => x.Id, type: typeof(NonNullGraphType<IdGraphType>));
        Field(x => x.Version).Description("The patient stream's version.");
        Field(x => x.FamilyName);
        Field(x => x.GivenName);
        Field(x => x.BirthDate);
        Field(x => x.Sex, type: typeof(NonNullGraphType<AdministrativeSexType>));
        Field(x => x.MedicalRecordNumber, nullable: true);
        Field(x => x.RegisteredAt);
        Field<NonNullGraphType<ClinicType>>("clinic").Costs(FieldCost.Batched)
            .Resolve(c => c.Batch().Load<Clinic>(c.Source.ClinicId, x => x.Id));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EpisodeType>>>>("episodes").Costs(FieldCost.Batched)
            .Description("The patient's episodes of care, most recent start first.")
            .Resolve(c => c.Batch().LoadChildren("episodes of patient", c.Source.Id,
                async (session, patientIds, ct) => await session.Query<Episode>()
                    .Where(e => patientIds.Contains(e.PatientId)).OrderByDescending(e => e.StartedOn).ToListAsync(ct),
                e => e.PatientId));
        this.AddConsentFields();
    }
}

[Description("What registerPatient answers.")]
public sealed record PatientPayload(
    [property: Description("The patient as registered.")] Patient Patient,
    [property: Description("The patient stream's version after this change.")] long Version);

public sealed class PatientPayloadType : DerivedObjectType<PatientPayload>;
