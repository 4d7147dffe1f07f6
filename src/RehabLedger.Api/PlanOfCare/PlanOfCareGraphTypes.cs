using GraphQL.Types;

namespace RehabLedger.PlanOfCare;

public sealed class PhysicianInputType : InputObjectGraphType<CertifyingPhysician>
{
    public PhysicianInputType()
    {
        Name = "PhysicianInput";
        Field(x => x.Name);
        Field(x => x.Npi, nullable: true).Description("National Provider Identifier: exactly 10 digits when given.");
    }
}

public sealed class CertifyPlanOfCareInput
{
    public Guid EpisodeId { get; set; }
    public long ExpectedVersion { get; set; }
    public Guid? Id { get; set; }
    public DateOnly Start { get; set; }
    public DateOnly End { get; set; }
    public CertifyingPhysician Physician { get; set; } = new("", null);
    public string? Note { get; set; }
}

public sealed class CertifyPlanOfCareInputType : InputObjectGraphType<CertifyPlanOfCareInput>
{
    public CertifyPlanOfCareInputType()
    {
        Name = "CertifyPlanOfCareInput";
        Field(x => x.EpisodeId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(x => x.ExpectedVersion).Description("The episode version you last read; a stale one is refused with CONFLICT.");
        Field(x => x.Id, type: typeof(IdGraphType))
            .Description("Optional client-chosen id; a retry with the same id is refused with CONFLICT instead of certifying twice.");
        Field(x => x.Start).Description("The first day covered: within the episode and not after today.");
        Field(x => x.End).Description("The last day covered, included: at most 89 days after start (90 days counting both ends).");
        Field(x => x.Physician, type: typeof(NonNullGraphType<PhysicianInputType>)).Description("The certifying physician.");
        Field(x => x.Note, nullable: true);
    }
}

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
