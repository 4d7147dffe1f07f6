using GraphQL.Types;
using RehabLedger.Audit;

namespace RehabLedger.Live;

/// <summary>One new entry of an episode.</summary>
public sealed record EpisodeChange(long Sequence, Guid EpisodeId, long Version, LedgerEvent Entry);

/// <summary>An event on one episode of a clinic's caseload.</summary>
public sealed record CaseloadChange(long Sequence, Guid ClinicId, Guid EpisodeId, long Version, string Type, DateTimeOffset RecordedAt);

public sealed class EpisodeChangeType : ObjectGraphType<EpisodeChange>
{
    public EpisodeChangeType()
    {
        Name = "EpisodeChange";
        Description = "A new entry of an episode.";
        Field(x => x.Sequence).Description("The global sequence of the event: give it as since to resume after this message.");
        Field(x => x.EpisodeId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(x => x.Version).Description("The episode's version after this entry: the expectedVersion of the next change.");
        Field(x => x.Entry, type: typeof(NonNullGraphType<LedgerEventType>)).Description("What changed: the event as stored, with its metadata.");
    }
}

public sealed class CaseloadChangeType : ObjectGraphType<CaseloadChange>
{
    public CaseloadChangeType()
    {
        Name = "CaseloadChange";
        Description = "An episode of the clinic's caseload changed; its row's flags and figures may have too.";
        Field(x => x.Sequence).Description("The global sequence of the event: give it as since to resume after this message.");
        Field(x => x.ClinicId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(x => x.EpisodeId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(x => x.Version).Description("The episode's version after the change.");
        Field(x => x.Type).Description("The event type, in snake case: session_recorded.");
        Field(x => x.RecordedAt).Description("When the record learned it.");
    }
}
