using GraphQL;
using GraphQL.Types;
using Marten;
using RehabLedger.Common;
using RehabLedger.GraphQL;
using RehabLedger.Security;
using RehabLedger.GraphQL.Cost;

namespace RehabLedger.Clinics;

public sealed class ClinicType : ObjectGraphType<Clinic>
{
    public ClinicType()
    {
        Name = "Clinic";
        // Clinic records, whatever field reaches them: a role that may not read clinics cannot select this type anywhere.
        this.AuthorizeWithPolicy(Policies.ReadClinic);
        Field(x => x.Id, type: typeof(NonNullGraphType<IdGraphType>));
        Field(x => x.Version);
        Field(x => x.Name);
        Field(x => x.RegisteredAt);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TherapistType>>>>("therapists").Costs(FieldCost.Batched)
            .Resolve(c => c.Batch().LoadChildren("therapists of clinic", c.Source.Id,
                async (session, clinicIds, ct) => await session.Query<Therapist>()
                    .Where(t => clinicIds.Contains(t.ClinicId)).OrderBy(t => t.DisplayName).ToListAsync(ct),
                t => t.ClinicId));
    }
}

public sealed class TherapistType : ObjectGraphType<Therapist>
{
    public TherapistType()
    {
        Name = "Therapist";
        // Clinic records, whatever field reaches them: a role that may not read clinics cannot select this type anywhere.
        this.AuthorizeWithPolicy(Policies.ReadClinic);
        Field(x => x.Id, type: typeof(NonNullGraphType<IdGraphType>));
        Field(x => x.Version);
        Field(x => x.ClinicId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(x => x.DisplayName);
        Field(x => x.Profession).Description("For example PT (physical therapist) or PTA (physical therapist assistant).");
        Field(x => x.LicenseNumber, nullable: true);
    }
}

public sealed record ClinicPayload(Clinic Clinic, long Version);

public sealed class ClinicPayloadType : ObjectGraphType<ClinicPayload>
{
    public ClinicPayloadType()
    {
        Name = "ClinicPayload";
        Field(x => x.Clinic, type: typeof(NonNullGraphType<ClinicType>));
        Field(x => x.Version).Description("The clinic stream's version after this change.");
    }
}

public sealed record TherapistPayload(Therapist Therapist, long Version);

public sealed class TherapistPayloadType : ObjectGraphType<TherapistPayload>
{
    public TherapistPayloadType()
    {
        Name = "TherapistPayload";
        Field(x => x.Therapist, type: typeof(NonNullGraphType<TherapistType>));
        Field(x => x.Version).Description("The therapist stream's version after this change.");
    }
}
