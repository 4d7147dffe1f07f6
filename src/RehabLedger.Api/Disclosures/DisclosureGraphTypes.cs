using GraphQL.Types;

namespace RehabLedger.Disclosures;

public sealed class DisclosureOutcomeType : EnumerationGraphType<DisclosureOutcome>;

public sealed class AccessRecordType : ObjectGraphType<AccessRecord>
{
    public AccessRecordType()
    {
        Name = "AccessRecord";
        Description = "A read of patient data by an auditor or insurer, or an attempt somebody was refused.";
        Field(x => x.Id, type: typeof(NonNullGraphType<IdGraphType>));
        Field(x => x.At).Description("When it happened, by the service's clock.");
        Field(x => x.RecordedAt).Description("When the record of it was committed, stamped by the database.");
        Field(x => x.ActorId, nullable: true)
            .Description("The token's subject; null on a record of an attempt from outside the clinic reading it, whose auditors see the role (and an insurer's payer) but not who it was.");
        Field(x => x.ActorRole);
        Field(x => x.ActorName, nullable: true).Description("Null when actorId is.");
        Field(x => x.Payer, nullable: true).Description("The insurer's payer, for reads by an insurer.");
        Field(x => x.Operation).Description("The GraphQL field (Query.episode) or HTTP route used.");
        Field(x => x.RequestedId, type: typeof(IdGraphType))
            .Description("The id the caller named, as sent. On a refusal of a record outside the caller's clinics, their clinic's auditors see this id and no other: the same as for an id nothing has.");
        Field(x => x.ClinicId, type: typeof(IdGraphType)).Description("Whose record it is, where the reader may know.");
        Field(x => x.PatientId, type: typeof(IdGraphType));
        Field(x => x.EpisodeId, type: typeof(IdGraphType));
        Field(x => x.Outcome, type: typeof(NonNullGraphType<DisclosureOutcomeType>));
        Field(x => x.Reason, nullable: true).Description("Why it was refused.");
        Field(x => x.CorrelationId, nullable: true).Description("The request it happened in.");
    }
}

public sealed class AccessLogFilterInputType : InputObjectGraphType<AccessLogFilter>
{
    public AccessLogFilterInputType()
    {
        Name = "AccessLogFilter";
        Field(x => x.ClinicId, type: typeof(IdGraphType)).Description("One of your clinics; another is refused with FORBIDDEN.");
        Field(x => x.PatientId, type: typeof(IdGraphType));
        Field(x => x.EpisodeId, type: typeof(IdGraphType));
        Field(x => x.ActorId, nullable: true);
        Field(x => x.Outcome, type: typeof(DisclosureOutcomeType));
        Field(x => x.From, nullable: true).Description("From this time on, inclusive.");
        Field(x => x.To, nullable: true).Description("Up to this time, inclusive.");
    }
}
