using System.ComponentModel;
using GraphQL;
using GraphQL.Types;
using Marten;
using RehabLedger.Common;
using RehabLedger.GraphQL;
using RehabLedger.Security;
using RehabLedger.GraphQL.Cost;

namespace RehabLedger.Clinics;

public sealed class ClinicType : DerivedObjectType<Clinic>
{
    public ClinicType()
    {
        // Clinic records, whatever field reaches them: a role that may not read clinics cannot select this type anywhere.
        this.AuthorizeWithPolicy(Policies.ReadClinic);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TherapistType>>>>("therapists").Costs(FieldCost.Batched)
            .Description("The clinic's therapists, by name.")
            .Resolve(c => c.Batch().LoadChildren("therapists of clinic", c.Source.Id,
                async (session, clinicIds, ct) => await session.Query<Therapist>()
                    .Where(t => clinicIds.Contains(t.ClinicId)).OrderBy(t => t.DisplayName).ToListAsync(ct),
                t => t.ClinicId));
    }
}

public sealed class TherapistType : DerivedObjectType<Therapist>
{
    public TherapistType() =>
        // Clinic records, whatever field reaches them: a role that may not read clinics cannot select this type anywhere.
        this.AuthorizeWithPolicy(Policies.ReadClinic);
}

[Description("What registerClinic answers.")]
public sealed record ClinicPayload(
    [property: Description("The clinic as registered.")] Clinic Clinic,
    [property: Description("The clinic stream's version after this change.")] long Version);

public sealed class ClinicPayloadType : DerivedObjectType<ClinicPayload>;

[Description("What registerTherapist answers.")]
public sealed record TherapistPayload(
    [property: Description("The therapist as registered.")] Therapist Therapist,
    [property: Description("The therapist stream's version after this change.")] long Version);

public sealed class TherapistPayloadType : DerivedObjectType<TherapistPayload>;
