using GraphQL.Types;
using RehabLedger.Episodes;
using RehabLedger.GraphQL.Cost;

namespace RehabLedger.Goals;

public sealed class GoalStatusType : EnumerationGraphType<GoalStatus>;

public sealed class GoalChangeType : ObjectGraphType<GoalChange>
{
    public GoalChangeType()
    {
        Name = "GoalChange";
        Field(x => x.Field).Description("description, target or targetDate.");
        Field(x => x.From, nullable: true).Description("The value before the revision, as text (dates yyyy-MM-dd).");
        Field(x => x.To, nullable: true).Description("The value after the revision, as text (dates yyyy-MM-dd).");
    }
}

public sealed class GoalRevisionType : ObjectGraphType<GoalRevision>
{
    public GoalRevisionType()
    {
        Name = "GoalRevision";
        Field(x => x.EffectiveOn);
        Field(x => x.Reason);
        Field(x => x.Changes, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<GoalChangeType>>>)).Costs(FieldCost.InMemory);
        Field(x => x.By, type: typeof(NonNullGraphType<ActorType>));
    }
}

public sealed class GoalStatusEntryType : ObjectGraphType<GoalStatusEntry>
{
    public GoalStatusEntryType()
    {
        Name = "GoalStatusEntry";
        Field(x => x.Status, type: typeof(NonNullGraphType<GoalStatusType>));
        Field(x => x.Note, nullable: true);
        Field(x => x.EffectiveOn);
        Field(x => x.By, type: typeof(NonNullGraphType<ActorType>));
    }
}

public sealed class GoalType : ObjectGraphType<GoalEvaluation>
{
    public GoalType()
    {
        Name = "Goal";
        Description = "A functional goal, optionally measured by an outcome measure from a baseline toward a target.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Goal.Id);
        Field<NonNullGraphType<StringGraphType>>("description").Resolve(c => c.Source.Goal.Description);
        Field<StringGraphType>("measureCode").Resolve(c => c.Source.Goal.MeasureCode);
        Field<DecimalGraphType>("baseline").Resolve(c => c.Source.Goal.Baseline);
        Field<IdGraphType>("baselineAssessmentId")
            .Description("The assessment the baseline was taken from, when it was not entered with the goal.")
            .Resolve(c => c.Source.Goal.BaselineAssessmentId);
        Field<DecimalGraphType>("target").Resolve(c => c.Source.Goal.Target);
        Field<DateOnlyGraphType>("targetDate").Resolve(c => c.Source.Goal.TargetDate);
        Field<NonNullGraphType<DateOnlyGraphType>>("effectiveOn").Description("When the goal was set.").Resolve(c => c.Source.Goal.EffectiveOn);
        Field<NonNullGraphType<ActorType>>("by").Description("Who set the goal.").Resolve(c => c.Source.Goal.By);
        Field(x => x.Status, type: typeof(NonNullGraphType<GoalStatusType>))
            .Description("The last status set by effective date (ties in recording order), else ACTIVE.");
        Field(x => x.StatusSince).Description("The effective date of that status, or when the goal was set.");
        Field(x => x.Latest, nullable: true)
            .Description("The latest value of the goal's measure by effective date; null without a measure or a recorded value.");
        Field(x => x.Met, nullable: true).Description("Latest is at or beyond the target in the measure's direction of improvement.");
        Field(x => x.AttainmentPercent, nullable: true)
            .Description("(latest - baseline) / (target - baseline) x 100, one decimal, halves away from zero; not capped.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<GoalRevisionType>>>>("revisions").Costs(FieldCost.InMemory)
            .Description("In the order they took effect.").Resolve(c => c.Source.Goal.Revisions);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<GoalStatusEntryType>>>>("statusHistory").Costs(FieldCost.InMemory)
            .Description("Every status set, by effective date, ties in recording order.")
            .Resolve(c => c.Source.Goal.StatusHistory.OrderBy(s => s.EffectiveOn).ToList());
    }
}

public sealed class GoalSummaryType : ObjectGraphType<GoalSummary>
{
    public GoalSummaryType()
    {
        Name = "GoalSummary";
        Field(x => x.GoalId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(x => x.Summary).Description("Progress toward the goal, in the clinician's words.");
    }
}

public sealed class ProgressReportType : ObjectGraphType<ProgressReport>
{
    public ProgressReportType()
    {
        Name = "ProgressReport";
        Description = "A progress report: progress toward each goal and the plan. Not an assessment.";
        Field(x => x.Id, type: typeof(NonNullGraphType<IdGraphType>));
        Field(x => x.EffectiveOn);
        Field(x => x.GoalSummaries, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<GoalSummaryType>>>)).Costs(FieldCost.InMemory);
        Field(x => x.Plan, nullable: true);
        Field(x => x.By, type: typeof(NonNullGraphType<ActorType>)).Description("The clinician who wrote it.");
    }
}

public static class GoalsEpisodeFields
{
    public static void AddGoalsFields(this EpisodeType type)
    {
        type.Field<NonNullGraphType<ListGraphType<NonNullGraphType<GoalType>>>>("goals").Costs(FieldCost.InMemory)
            .Description("Goals by effective date, ties in recording order, with status and attainment; entries in error are left out.")
            .Resolve(c => GoalProgress.Evaluate(c.Source.StandingGoals, c.Source.StandingAssessments.ToList()));
        type.Field<NonNullGraphType<ListGraphType<NonNullGraphType<ProgressReportType>>>>("progressReports").Costs(FieldCost.InMemory)
            .Description("By effective date, ties in recording order; entries in error are left out.")
            .Resolve(c => GoalProgress.Reports(c.Source.StandingProgressReports));
    }
}

