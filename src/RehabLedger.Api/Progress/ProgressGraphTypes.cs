using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using RehabLedger.Common;
using RehabLedger.Episodes;
using RehabLedger.Goals;
using RehabLedger.GraphQL;
using RehabLedger.Sessions;
using RehabLedger.GraphQL.Cost;

namespace RehabLedger.Progress;

public sealed class AttendanceSummaryType : ObjectGraphType<AttendanceSummary>
{
    public AttendanceSummaryType()
    {
        Name = "AttendanceSummary";
        Field(x => x.Attended);
        Field(x => x.Cancelled);
        Field(x => x.NoShow);
        Field(x => x.RatePercent, nullable: true).Description("attended / (attended + cancelled + no-show) x 100, one decimal; null without sessions.");
        Field(x => x.VisitsUsed).Description("Sessions attended.");
    }
}

public sealed class WeeklyAdherenceType : ObjectGraphType<WeeklyAdherence>
{
    public WeeklyAdherenceType()
    {
        Name = "WeeklyAdherence";
        Description = "Home-program adherence of one calendar week, Monday to Sunday.";
        Field(x => x.WeekStart).Description("The Monday of the week.");
        Field(x => x.Prescribed).Description("Sum of frequency per week of the home exercises active that week.");
        Field(x => x.Done).Description("Home exercise logs for them that week; one log is one completion.");
        Field(x => x.Percent, nullable: true).Description("done / prescribed x 100, one decimal, not capped.");
    }
}

public sealed class PainPointType : ObjectGraphType<PainPoint>
{
    public PainPointType()
    {
        Name = "PainPoint";
        Field(x => x.SessionId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(x => x.Date);
        Field(x => x.PainBefore, nullable: true);
        Field(x => x.PainAfter, nullable: true);
        Field(x => x.Rpe, nullable: true);
    }
}

public sealed class AdverseEventOccurrenceType : ObjectGraphType<AdverseEventOccurrence>
{
    public AdverseEventOccurrenceType()
    {
        Name = "AdverseEventOccurrence";
        Field(x => x.SessionId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(x => x.Date);
        Field(x => x.Event, type: typeof(NonNullGraphType<AdverseEventType>));
    }
}

public sealed class EpisodeProgressType : ObjectGraphType<EpisodeProgressView>
{
    public EpisodeProgressType()
    {
        Name = "EpisodeProgress";
        Description = "How the patient is progressing, computed from the episode's facts for the service's today. Entries in error count nowhere.";
        Field(x => x.Measures, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<MeasureTrendType>>>)).Costs(FieldCost.InMemory)
            .Description("Each outcome measure from assessments: baseline, latest, series, change, percent change and MCID verdict.");
        Field(x => x.RangeOfMotion, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<RangeOfMotionTrendType>>>)).Costs(FieldCost.InMemory);
        Field(x => x.MuscleTests, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<MuscleTestTrendType>>>)).Costs(FieldCost.InMemory);
        Field(x => x.Goals, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<GoalType>>>)).Costs(FieldCost.InMemory);
        Field(x => x.Attendance, type: typeof(NonNullGraphType<AttendanceSummaryType>));
        Field(x => x.HomeAdherence, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<WeeklyAdherenceType>>>)).Costs(FieldCost.InMemory)
            .Description("Per calendar week, through today (or the discharge date).");
        Field(x => x.PainTrend, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<PainPointType>>>)).Costs(FieldCost.InMemory)
            .Description("Pain before and after each attended session, by date. Separate from the NPRS outcome series, which comes from assessments.");
        Field(x => x.AdverseEvents, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<AdverseEventOccurrenceType>>>)).Costs(FieldCost.InMemory);
    }
}

public static class ProgressFields
{
    public static void AddProgressFields(this EpisodeType type) =>
        type.Field<NonNullGraphType<EpisodeProgressType>>("progress").Costs(FieldCost.Batched)
            .Description("How the patient is progressing, with its figures for today.")
            .Resolve(c =>
            {
                var today = c.RequestServices!.GetRequiredService<TimeProvider>().Today();
                return c.SessionsOf(c.Source).Then(entries => EpisodeProgressView.Of(c.Source, entries, today));
            });
}
