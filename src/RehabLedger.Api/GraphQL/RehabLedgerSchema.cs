using GraphQL;
using GraphQL.Introspection;
using GraphQL.Types;
using RehabLedger.Audit;
using RehabLedger.Caseload;
using RehabLedger.Clinics;
using RehabLedger.Consent;
using RehabLedger.Corrections;
using RehabLedger.Disclosures;
using RehabLedger.Episodes;
using RehabLedger.Goals;
using RehabLedger.Insurers;
using RehabLedger.MerkleLog;
using RehabLedger.Outcomes;
using RehabLedger.Patients;
using RehabLedger.Programs;
using RehabLedger.PlanOfCare;
using RehabLedger.Portal;
using RehabLedger.Sessions;

namespace RehabLedger.GraphQL;

/// <summary>The one GraphQL schema. Each feature module adds its own fields.</summary>
public sealed class RehabLedgerSchema : Schema
{
    public RehabLedgerSchema(IServiceProvider services) : base(services)
    {
        // Introspection answers what graphql-js's getIntrospectionQuery may ask of a server (isRepeatable on directives, and
        // includeDeprecated on the arguments of fields and on input fields), so tools load the schema with their standard
        // query. Set before anything builds the introspection types; the filter stops hiding isRepeatable.
        Features.RepeatableDirectives = true;
        Features.DeprecationOfInputValues = true;
        Filter = new ExperimentalIntrospectionFeaturesSchemaFilter();
        Query = new RehabLedgerQuery();
        Mutation = new RehabLedgerMutation();
        Subscription = new Live.RehabLedgerSubscription();
        this.ReplaceScalar(new GuidIdGraphType());
    }

    /// <summary>
    /// GraphQL.NET 8.8.5 takes <c>includeDeprecated</c> on the arguments of fields and on input fields but not on those of
    /// directives, which graphql-js's <c>inputValueDeprecation</c> asks for too. No directive argument is deprecated, so the
    /// answer is the same either way.
    /// </summary>
    protected override void OnBeforeInitializeType(IGraphType graphType)
    {
        if (graphType is __Directive directive && directive.GetField("args") is { } args && args.Arguments?.Find("includeDeprecated") is null)
            args.Arguments = new QueryArguments(new QueryArgument<BooleanGraphType> { Name = "includeDeprecated", DefaultValue = false });
    }
}

public sealed class RehabLedgerQuery : ObjectGraphType
{
    public RehabLedgerQuery()
    {
        Name = "Query";
        this.AddOutcomeQueries();
        this.AddClinicQueries();
        this.AddPatientQueries();
        this.AddEpisodeQueries();
        this.AddCaseloadQueries();
        this.AddInsurerQueries();
        this.AddAuditQueries();
        this.AddPortalQueries();
        this.AddConsentQueries();
        this.AddDisclosureQueries();
        this.AddLedgerQueries();
    }
}

public sealed class RehabLedgerMutation : ObjectGraphType
{
    public RehabLedgerMutation()
    {
        Name = "Mutation";
        this.AddClinicMutations();
        this.AddPatientMutations();
        this.AddEpisodeMutations();
        this.AddProgramMutations();
        this.AddCorrectionMutations();
        this.AddPlanOfCareMutations();
        this.AddGoalsMutations();
        this.AddSessionsMutations();
        this.AddConsentMutations();
    }
}
