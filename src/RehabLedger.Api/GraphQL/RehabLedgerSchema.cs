using GraphQL;
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
        Query = new RehabLedgerQuery();
        Mutation = new RehabLedgerMutation();
        this.ReplaceScalar(new GuidIdGraphType());
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
