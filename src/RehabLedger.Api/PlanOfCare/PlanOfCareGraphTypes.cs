using GraphQL.Types;

namespace RehabLedger.PlanOfCare;

public sealed class PhysicianType : ObjectGraphType<CertifyingPhysician>
{
    public PhysicianType()
    {
        Name = "Physician";
        Field(x => x.Name);
        Field(x => x.Npi, nullable: true).Description("National Provider Identifier, 10 digits.");
    }
}

public sealed class CertificationType : ObjectGraphType<Certification>
{
    public CertificationType()
    {
        Name = "Certification";
        Description = "A plan-of-care period certified by a physician.";
        Field(x => x.Id, type: typeof(NonNullGraphType<IdGraphType>));
        Field(x => x.Start).Description("The first day covered.");
        Field(x => x.End).Description("The last day covered, included.");
        Field(x => x.Days).Description("Calendar days covered, both ends included.");
        Field(x => x.Physician, type: typeof(NonNullGraphType<PhysicianType>));
        Field(x => x.Note, nullable: true);
    }
}

public sealed class CertificationStatusType : ObjectGraphType<CertificationState>
{
    public CertificationStatusType()
    {
        Name = "CertificationStatus";
        Description = "The certification that covers today, else the one that ends latest, and whether it needs attention.";
        Field(x => x.Certification, type: typeof(CertificationType)).Description("Null when no certification is on record.");
        Field(x => x.DaysRemaining, nullable: true).Description("End minus today in calendar days: 0 on the last day covered, negative once lapsed.");
        Field(x => x.Ending).Description("The 'certification ending' flag: daysRemaining is 7 or less (lapsed included), or no certification is on record.");
        Field(x => x.Lapsed).Description("The chosen certification ended before today.");
        Field(x => x.Missing).Description("No certification is on record.");
    }
}
